/*
 * pipeline.c - runs rg_analyze over a stream of documents on several
 * threads.  The calling thread reads documents into a ring of slots and
 * consumes the analyses in input order; worker threads analyse whichever
 * slot is ready.  Each slot owns a copy of its document and its own
 * rg_analysis, so no analysis state is shared; the lexicon is read-only.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

enum { SLOT_FREE, SLOT_READY, SLOT_BUSY, SLOT_DONE };

typedef struct {
	int state;
	rg_doc doc;
	char *id, *text, *date; /* owned copies */
	size_t cap_text;
	rg_analysis an;
	rg_err rc;
	size_t seq;
} slot;

typedef struct {
	pthread_mutex_t mu;
	pthread_cond_t work, done;
	slot *slots;
	size_t n_slots;
	size_t next_work;     /* lowest sequence number not yet taken */
	size_t filled;        /* documents put into slots so far */
	int stop;
	const rg_lexicon *lex;
	const rg_diag *diag;
} pool;

static void *worker(void *arg)
{
	pool *p = arg;
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->stop && p->next_work == p->filled)
			pthread_cond_wait(&p->work, &p->mu);
		if (p->next_work == p->filled && p->stop)
			break;
		slot *s = &p->slots[p->next_work % p->n_slots];
		p->next_work++;
		s->state = SLOT_BUSY;
		pthread_mutex_unlock(&p->mu);
		rg_err rc = rg_analyze(p->lex, &s->doc, &s->an, p->diag);
		pthread_mutex_lock(&p->mu);
		s->rc = rc;
		s->state = SLOT_DONE;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* Copies doc into slot s (the reader reuses its buffers). */
static rg_err fill(slot *s, const rg_doc *doc)
{
	free(s->id);
	free(s->date);
	s->id = rg_strdup(doc->id);
	s->date = doc->date ? rg_strdup(doc->date) : NULL;
	if (!s->id || (doc->date && !s->date))
		return RG_ENOMEM;
	if (doc->len + 1 > s->cap_text) {
		char *t = realloc(s->text, doc->len + 1);
		if (!t)
			return RG_ENOMEM;
		s->text = t;
		s->cap_text = doc->len + 1;
	}
	memcpy(s->text, doc->text, doc->len);
	s->text[doc->len] = '\0';
	s->doc = (rg_doc){ s->id, s->text, doc->len, s->date, doc->lang };
	return RG_OK;
}

/* Waits for slot `seq`, hands it to fn and frees it. */
static rg_err consume(pool *p, size_t seq, rg_doc_fn fn, void *ctx)
{
	slot *s = &p->slots[seq % p->n_slots];
	pthread_mutex_lock(&p->mu);
	while (s->state != SLOT_DONE)
		pthread_cond_wait(&p->done, &p->mu);
	pthread_mutex_unlock(&p->mu);
	rg_err rc = s->rc ? s->rc : fn ? fn(ctx, &s->doc, &s->an) : RG_OK;
	s->state = SLOT_FREE;
	return rc;
}

/* The one-thread path: no copies, no locks. */
static rg_err run_serial(const rg_lexicon *lex, rg_reader *r, rg_doc_fn fn, void *ctx,
			 const rg_diag *diag)
{
	rg_analysis an;
	rg_doc doc;
	rg_err rc = RG_OK;
	int k;
	rg_analysis_init(&an);
	while ((k = rg_reader_next(r, &doc)) > 0)
		if ((rc = rg_analyze(lex, &doc, &an, diag)) || (rc = fn(ctx, &doc, &an)))
			break;
	if (!rc && k < 0)
		rc = RG_ENOMEM;
	rg_analysis_release(&an);
	return rc;
}

rg_err rg_pipeline_run(const rg_lexicon *lex, rg_reader *r, int jobs, rg_doc_fn fn,
		       void *ctx, const rg_diag *diag)
{
	if (jobs <= 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		jobs = n > 0 ? (int)(n > 64 ? 64 : n) : 1;
	}
	if (jobs == 1)
		return run_serial(lex, r, fn, ctx, diag);
	pool p;
	memset(&p, 0, sizeof p);
	p.lex = lex;
	p.diag = diag;
	p.n_slots = (size_t)jobs * 2;
	p.slots = calloc(p.n_slots, sizeof *p.slots);
	pthread_t *th = calloc((size_t)jobs, sizeof *th);
	rg_err rc = RG_OK;
	int started = 0;
	if (!p.slots || !th) {
		free(p.slots);
		free(th);
		return RG_ENOMEM;
	}
	for (size_t i = 0; i < p.n_slots; i++)
		rg_analysis_init(&p.slots[i].an);
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.work, NULL);
	pthread_cond_init(&p.done, NULL);
	for (; started < jobs; started++)
		if (pthread_create(&th[started], NULL, worker, &p))
			break;
	if (!started) {
		rc = RG_ENOMEM;
		goto out;
	}
	size_t consumed = 0;
	rg_doc doc;
	int k;
	while (!rc && (k = rg_reader_next(r, &doc)) != 0) {
		if (k < 0) {
			rc = RG_ENOMEM;
			break;
		}
		if (p.filled - consumed == p.n_slots && (rc = consume(&p, consumed++, fn, ctx)))
			break;
		slot *s = &p.slots[p.filled % p.n_slots];
		if ((rc = fill(s, &doc)))
			break;
		pthread_mutex_lock(&p.mu);
		s->state = SLOT_READY;
		p.filled++;
		pthread_cond_signal(&p.work);
		pthread_mutex_unlock(&p.mu);
	}
	/* drain: every document handed to a worker is waited for */
	while (consumed < p.filled) {
		rg_err e = consume(&p, consumed++, rc ? NULL : fn, ctx);
		if (!rc)
			rc = e;
	}
out:
	pthread_mutex_lock(&p.mu);
	p.stop = 1;
	pthread_cond_broadcast(&p.work);
	pthread_mutex_unlock(&p.mu);
	for (int i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	for (size_t i = 0; i < p.n_slots; i++) {
		rg_analysis_release(&p.slots[i].an);
		free(p.slots[i].id);
		free(p.slots[i].text);
		free(p.slots[i].date);
	}
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.work);
	pthread_cond_destroy(&p.done);
	free(p.slots);
	free(th);
	return rc;
}
