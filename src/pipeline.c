/*
 * pipeline.c - runs rg_analyze over a stream of documents on several
 * threads.  The calling thread reads documents, or JSONL lines still to
 * parse, into a ring of slots and consumes the analyses in input order;
 * jobs - 1 worker threads parse (jsonl.c) and analyse whichever slot is
 * ready, and so does the calling thread whenever it would otherwise wait
 * for them, so that jobs threads are busy, not jobs + 1.  Each slot owns
 * a copy of its input, its own rg_analysis (or, in the map step, the
 * worker's) and the messages its worker produced, which the calling
 * thread reports when it consumes the slot, so messages come out in input
 * order as with one job; the lexicon is read-only.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis.h"
#include "reader.h"

enum { SLOT_FREE, SLOT_READY, SLOT_BUSY, SLOT_DONE };

/*
 * The ring: up to SLOTS_PER_JOB documents per worker, so that the calling
 * thread and the workers rarely wait on each other (each wait is a sleep
 * and a wake-up, dear on a virtual machine); past two documents per job,
 * the ring also stops at INFLIGHT_BYTES of input, so huge documents do not
 * multiply the memory.
 */
#define SLOTS_PER_JOB 16
#define PUBLISH 4 /* slots filled before the workers are told (one lock) */
#define INFLIGHT_BYTES ((size_t)16 << 20)
/* With a work function and no consumer of the analyses, the analysis
 * stays with the worker (one per thread, not per slot), so a slot is
 * only its input: the ring is longer and is handed out in bigger runs,
 * for fewer sleeps and wake-ups still. */
#define WORK_SLOTS_PER_JOB 64
#define WORK_PUBLISH 16

/* A message held back until its slot is consumed. */
typedef struct {
	rg_severity sev;
	long line, byte;
	size_t file, msg;      /* offsets in the slot's msg_text; file -1: none */
} held_msg;

typedef struct {
	int state;
	rg_raw raw;             /* what was read; its pointers are the copies below */
	rg_doc doc;             /* what is analysed */
	char *id, *text, *date; /* owned copies of a whole document */
	size_t cap_text;
	char *line, *file;      /* owned copies of a JSONL line and its file name */
	size_t cap_line;
	rg_jsonl_doc jd;        /* the parsed line */
	int use;                /* the parsed line is a document to analyse */
	rg_analysis an;
	rg_err rc;
	rg_diag diag;           /* holds the analysis's messages back */
	const rg_diag *out;     /* where they go when the slot is consumed */
	held_msg *msgs;         /* the reader's messages before this input (n_pre),
				   then the analysis's */
	size_t n_msgs, cap_msgs, n_pre;
	rg_sb msg_text;
} slot;

typedef struct {
	pthread_mutex_t mu;
	pthread_cond_t work, done;
	slot *slots;
	size_t n_slots;
	size_t next_work;     /* lowest sequence number not yet taken */
	size_t filled;        /* documents put into slots so far */
	size_t consumed;      /* documents handed to fn so far (oldest in the ring) */
	int main_waits;       /* the calling thread sleeps until `want` slots are done */
	size_t want;          /* ... counted from the oldest, consecutively */
	size_t inflight;      /* bytes of input in the ring */
	int stop;
	const rg_lexicon *lex;
	rg_work_fn work_fn;   /* run on the worker after each analysis, or NULL */
	void *work_ctx;
	int worker_analysis;  /* analyse into the worker's rg_analysis, not the slot's */
	size_t publish_n;     /* slots filled before the workers are told */
	size_t claim_n;       /* slots a worker takes at a time */
	slot pend;            /* the reader's messages not yet given a slot */
} pool;

/* What one worker thread is given: the pool and its number. */
typedef struct {
	pool *p;
	int index;
} worker_arg;

/* The slot's rg_diag: runs on the worker that owns the slot, no lock. */
static void hold_msg(void *ctx, rg_severity sev, const char *file, long line,
		     long byte, const char *msg)
{
	slot *s = ctx;
	size_t fo = s->msg_text.len, mo;
	if (rg_grow(&s->msgs, &s->cap_msgs, s->n_msgs + 1, sizeof *s->msgs) ||
	    (file && rg_sb_add(&s->msg_text, file, strlen(file) + 1)) ||
	    (mo = s->msg_text.len, rg_sb_add(&s->msg_text, msg, strlen(msg) + 1))) {
		/* out of memory: say it now rather than not at all */
		if (s->out && s->out->fn)
			s->out->fn(s->out->ctx, sev, file, line, byte, msg);
		return;
	}
	s->msgs[s->n_msgs++] = (held_msg){ sev, line, byte, file ? fo : (size_t)-1, mo };
}

/* Reports the slot's held messages [from, to), in the order they were made. */
static void flush_msgs(const slot *s, size_t from, size_t to)
{
	const char *t = s->msg_text.buf;
	for (size_t i = from; i < to; i++) {
		held_msg *m = &s->msgs[i];
		if (s->out && s->out->fn)
			s->out->fn(s->out->ctx, m->sev, m->file == (size_t)-1 ? NULL : t + m->file,
				   m->line, m->byte, t + m->msg);
	}
}

/* How many slots from seq on are done, consecutively (under the lock). */
static size_t head_done(const pool *p, size_t seq)
{
	size_t d = 0;
	while (seq + d < p->filled && p->slots[(seq + d) % p->n_slots].state == SLOT_DONE)
		d++;
	return d;
}

/*
 * Parses (a JSONL line) and analyses slot s, then the caller's work.
 * wan: the worker's own analysis, used instead of the slot's when
 * p->worker_analysis; otherwise *cache, the worker's cache of candidate
 * keys, is lent to the slot's analysis meanwhile.
 */
static rg_err work_on(pool *p, int index, slot *s, rg_analysis *wan,
		      struct rg_key_cache **cache)
{
	rg_err rc = RG_OK;
	s->use = 1;
	if (s->raw.is_line) {
		rc = rg_jsonl_parse(&s->jd, s->raw.line, s->raw.len, s->raw.file, s->raw.lineno,
				    s->raw.max_doc);
		s->use = !rc && s->jd.skip < 0;
		s->doc = s->jd.doc;
	}
	rg_analysis *an = p->worker_analysis ? wan : &s->an;
	if (s->use && p->worker_analysis) {
		rc = rg_analyze(p->lex, &s->doc, an, &s->diag);
	} else if (s->use && !(rc = rg_analysis_swap_cache(an, cache))) {
		rc = rg_analyze(p->lex, &s->doc, an, &s->diag);
		rg_analysis_swap_cache(an, cache); /* cannot fail: scratch made */
	}
	if (s->use && !rc && p->work_fn)
		rc = p->work_fn(p->work_ctx, index, &s->doc, an, &s->diag);
	return rc;
}

/*
 * A worker takes up to p->claim_n waiting slots at a time and marks them
 * done together: one lock round per run of documents instead of two per
 * document.
 */
#define MAX_CLAIM 16

/* What analyses on one thread: its number (for the work function), its
 * own analysis and its key cache (see work_on). */
typedef struct {
	int index;
	rg_analysis an;
	struct rg_key_cache *cache;
} helper;

static void helper_init(helper *h, int index)
{
	h->index = index;
	rg_analysis_init(&h->an);
	h->cache = NULL;
}

static void helper_release(helper *h)
{
	free(h->cache); /* one malloc'd block (analysis.h) */
	rg_analysis_release(&h->an);
}

/*
 * Claims the next waiting slots (some must wait), analyses them without
 * the lock and marks them done; called and returns with p->mu held.
 * Wakes the calling thread when it has a run of slots to take.
 */
static void run_claim(pool *p, helper *h)
{
	rg_err rcs[MAX_CLAIM];
	size_t seq = p->next_work, k = p->filled - seq;
	if (k > p->claim_n)
		k = p->claim_n;
	p->next_work += k;
	for (size_t i = 0; i < k; i++)
		p->slots[(seq + i) % p->n_slots].state = SLOT_BUSY;
	pthread_mutex_unlock(&p->mu);
	for (size_t i = 0; i < k; i++)
		rcs[i] = work_on(p, h->index, &p->slots[(seq + i) % p->n_slots], &h->an,
				 &h->cache);
	pthread_mutex_lock(&p->mu);
	for (size_t i = 0; i < k; i++) {
		slot *s = &p->slots[(seq + i) % p->n_slots];
		s->rc = rcs[i];
		s->state = SLOT_DONE;
	}
	/* wake the calling thread only when it has a run of slots to take */
	if (p->main_waits && head_done(p, p->consumed) >= p->want)
		pthread_cond_signal(&p->done);
}

static void *worker(void *arg)
{
	pool *p = ((worker_arg *)arg)->p;
	helper h;
	helper_init(&h, ((worker_arg *)arg)->index);
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->stop && p->next_work == p->filled)
			pthread_cond_wait(&p->work, &p->mu);
		if (p->next_work == p->filled && p->stop)
			break;
		run_claim(p, &h);
	}
	pthread_mutex_unlock(&p->mu);
	helper_release(&h);
	return NULL;
}

/* Copies n bytes of p into *buf (capacity *cap), NUL-terminated. */
static rg_err copy_into(char **buf, size_t *cap, const char *p, size_t n)
{
	if (n + 1 > *cap) {
		char *t = realloc(*buf, n + 1);
		if (!t)
			return RG_ENOMEM;
		*buf = t;
		*cap = n + 1;
	}
	memcpy(*buf, p, n);
	(*buf)[n] = '\0';
	return RG_OK;
}

/*
 * Puts what the reader handed out into slot s: a JSONL line by trading
 * buffers with the reader, a document by copying (the reader reuses its
 * buffers); the reader's messages since the last slot go with it.
 */
static rg_err fill(pool *p, slot *s, const rg_raw *raw, rg_reader *r)
{
	slot *q = &p->pend;
	held_msg *m = s->msgs;
	size_t cap = s->cap_msgs;
	rg_sb t = s->msg_text;
	s->msgs = q->msgs, s->n_msgs = s->n_pre = q->n_msgs, s->cap_msgs = q->cap_msgs;
	s->msg_text = q->msg_text;
	q->msgs = m, q->n_msgs = 0, q->cap_msgs = cap;
	q->msg_text = t;
	rg_sb_reset(&q->msg_text);
	s->raw = *raw;
	if (raw->is_line) {
		if (!s->file || strcmp(s->file, raw->file)) {
			free(s->file);
			if (!(s->file = rg_strdup(raw->file)))
				return RG_ENOMEM;
		}
		rg_reader_swap_line(r, &s->line, &s->cap_line); /* no copy */
		s->raw.line = s->line;
		s->raw.file = s->file;
		return RG_OK;
	}
	const rg_doc *doc = &raw->doc;
	rg_jsonl_release(&s->jd);
	free(s->id);
	free(s->date);
	s->id = rg_strdup(doc->id);
	s->date = doc->date ? rg_strdup(doc->date) : NULL;
	if (!s->id || (doc->date && !s->date))
		return RG_ENOMEM;
	if (copy_into(&s->text, &s->cap_text, doc->text, doc->len))
		return RG_ENOMEM;
	s->doc = (rg_doc){ s->id, s->text, doc->len, s->date, doc->lang };
	return RG_OK;
}

/* The input bytes slot s holds. */
static size_t slot_bytes(const slot *s)
{
	return s->raw.is_line ? s->raw.len : s->doc.len;
}

/*
 * Commits a JSONL line on the reader, reports the slot's messages, hands
 * the analysis to fn (unless NULL) and frees the slot; the calling thread
 * owns a done slot, so no lock is taken.
 */
static rg_err consume_slot(slot *s, rg_reader *r, rg_doc_fn fn, void *ctx)
{
	rg_err rc = s->rc;
	flush_msgs(s, 0, s->n_pre);
	if (s->raw.is_line && (!rc || s->use)) {
		int k = rg_reader_commit(r, &s->raw, &s->jd, s->out);
		if (k < 0 && !rc)
			rc = RG_ENOMEM;
	}
	flush_msgs(s, s->n_pre, s->n_msgs);
	s->n_msgs = s->n_pre = 0;
	rg_sb_reset(&s->msg_text);
	if (!rc && s->use && fn)
		rc = fn(ctx, &s->doc, &s->an);
	s->state = SLOT_FREE;
	return rc;
}

/*
 * Waits until a run of slots from the oldest (*consumed) on is done (half
 * of those in flight), then consumes every slot of the run, in order,
 * taking the lock twice for all of them.  After an error (*rc set) the slots are still drained, without
 * fn.  *inflight loses their bytes.
 */
static void consume_done(pool *p, rg_reader *r, size_t *consumed, size_t *inflight,
			 rg_doc_fn fn, void *ctx, rg_err *rc, helper *mine)
{
	size_t seq = *consumed, d;
	pthread_mutex_lock(&p->mu);
	/* wait until half the ring (or all that is in it) can be taken: each
	 * sleep and wake-up costs, so take many slots per wake-up; and rather
	 * than sleep while slots wait for a worker, analyse them here */
	p->want = (p->filled - seq + 1) / 2;
	if (p->want < 1)
		p->want = 1;
	while ((d = head_done(p, seq)) < p->want) {
		if (p->next_work < p->filled) {
			run_claim(p, mine);
			continue;
		}
		p->main_waits = 1;
		pthread_cond_wait(&p->done, &p->mu);
	}
	p->main_waits = 0;
	pthread_mutex_unlock(&p->mu);
	for (size_t i = 0; i < d; i++) {
		slot *s = &p->slots[(seq + i) % p->n_slots];
		*inflight -= slot_bytes(s);
		rg_err e = consume_slot(s, r, *rc ? NULL : fn, ctx);
		if (!*rc)
			*rc = e;
	}
	*consumed = seq + d;
	pthread_mutex_lock(&p->mu);
	p->consumed = seq + d;
	pthread_mutex_unlock(&p->mu);
}

/* Hands the slots filled so far to the workers. */
static void publish(pool *p, size_t filled)
{
	if (filled == p->filled)
		return;
	pthread_mutex_lock(&p->mu);
	p->filled = filled;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->mu);
}

/* The one-thread path: no copies, no locks. */
static rg_err run_serial(const rg_lexicon *lex, rg_reader *r, rg_work_fn work, rg_doc_fn fn,
			 void *ctx, const rg_diag *diag)
{
	rg_analysis an;
	rg_doc doc;
	rg_err rc = RG_OK;
	int k;
	rg_analysis_init(&an);
	while ((k = rg_reader_next(r, &doc)) > 0)
		if ((rc = rg_analyze(lex, &doc, &an, diag)) ||
		    (work && (rc = work(ctx, 0, &doc, &an, diag))) ||
		    (fn && (rc = fn(ctx, &doc, &an))))
			break;
	if (!rc && k < 0)
		rc = RG_ENOMEM;
	rg_analysis_release(&an);
	return rc;
}

int rg_pipeline_jobs(int jobs)
{
	if (jobs > 0)
		return jobs;
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)(n > 64 ? 64 : n) : 1;
}

rg_err rg_pipeline_run(const rg_lexicon *lex, rg_reader *r, int jobs, rg_doc_fn fn,
		       void *ctx, const rg_diag *diag)
{
	return rg_pipeline_run_work(lex, r, jobs, NULL, fn, ctx, diag);
}

rg_err rg_pipeline_run_work(const rg_lexicon *lex, rg_reader *r, int jobs, rg_work_fn work,
			    rg_doc_fn fn, void *ctx, const rg_diag *diag)
{
	jobs = rg_pipeline_jobs(jobs);
	if (jobs == 1)
		return run_serial(lex, r, work, fn, ctx, diag);
	pool p;
	memset(&p, 0, sizeof p);
	p.lex = lex;
	p.work_fn = work;
	p.work_ctx = ctx;
	p.worker_analysis = work && !fn;
	p.n_slots = (size_t)jobs * (p.worker_analysis ? WORK_SLOTS_PER_JOB : SLOTS_PER_JOB);
	p.publish_n = p.worker_analysis ? WORK_PUBLISH : PUBLISH;
	p.claim_n = p.publish_n > MAX_CLAIM ? MAX_CLAIM : p.publish_n;
	p.slots = calloc(p.n_slots, sizeof *p.slots);
	pthread_t *th = calloc((size_t)jobs, sizeof *th);
	worker_arg *args = calloc((size_t)jobs, sizeof *args);
	rg_err rc = RG_OK;
	int started = 0;
	helper mine;
	helper_init(&mine, jobs - 1);
	if (!p.slots || !th || !args) {
		free(p.slots);
		free(th);
		free(args);
		return RG_ENOMEM;
	}
	for (size_t i = 0; i < p.n_slots; i++) {
		slot *s = &p.slots[i];
		rg_analysis_init(&s->an);
		rg_jsonl_release(&s->jd);
		s->diag = (rg_diag){ hold_msg, s };
		s->out = diag;
	}
	p.pend.diag = (rg_diag){ hold_msg, &p.pend };
	p.pend.out = diag;
	const rg_diag *reader_diag = rg_reader_set_diag(r, &p.pend.diag);
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.work, NULL);
	pthread_cond_init(&p.done, NULL);
	/* jobs - 1 threads, and the calling thread analyses too whenever it
	   would otherwise wait for them (alone, should no thread start) */
	for (; started < jobs - 1; started++) {
		args[started] = (worker_arg){ &p, started };
		if (pthread_create(&th[started], NULL, worker, &args[started]))
			break;
	}
	/* filled counts the slots the calling thread filled, p.filled those
	 * published to the workers (a few at a time, one lock for them) */
	size_t consumed = 0, filled = 0, inflight = 0;
	rg_raw raw;
	int k;
	while (!rc && (k = rg_reader_next_raw(r, &raw)) != 0) {
		if (k < 0) {
			rc = RG_ENOMEM;
			break;
		}
		/* room: a free slot and, past two documents per job, the byte budget */
		size_t len = raw.is_line ? raw.len : raw.doc.len;
		while (!rc && filled - consumed &&
		       (filled - consumed == p.n_slots ||
			(filled - consumed >= (size_t)jobs * 2 && inflight + len > INFLIGHT_BYTES))) {
			publish(&p, filled);
			consume_done(&p, r, &consumed, &inflight, fn, ctx, &rc, &mine);
		}
		if (rc)
			break;
		slot *s = &p.slots[filled % p.n_slots];
		if ((rc = fill(&p, s, &raw, r)))
			break;
		s->state = SLOT_READY;
		inflight += len;
		if (++filled - p.filled >= p.publish_n)
			publish(&p, filled);
	}
	/* drain: every document handed to a worker is waited for */
	if (!rc)
		publish(&p, filled);
	while (consumed < p.filled)
		consume_done(&p, r, &consumed, &inflight, fn, ctx, &rc, &mine);
	flush_msgs(&p.pend, 0, p.pend.n_msgs); /* what the reader said after the last input */
	rg_reader_set_diag(r, reader_diag);
	pthread_mutex_lock(&p.mu);
	p.stop = 1;
	pthread_cond_broadcast(&p.work);
	pthread_mutex_unlock(&p.mu);
	for (int i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	for (size_t i = 0; i < p.n_slots; i++) {
		slot *s = &p.slots[i];
		rg_analysis_release(&s->an);
		rg_jsonl_release(&s->jd);
		free(s->id);
		free(s->text);
		free(s->date);
		free(s->line);
		free(s->file);
		free(s->msgs);
		rg_sb_release(&s->msg_text);
	}
	helper_release(&mine);
	free(p.pend.msgs);
	rg_sb_release(&p.pend.msg_text);
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.work);
	pthread_cond_destroy(&p.done);
	free(p.slots);
	free(th);
	free(args);
	return rc;
}
