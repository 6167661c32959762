/*
 * progress.c - the progress line of long runs: documents, MB, MB/s and the
 * ETA when the input size is known, redrawn in place with a carriage
 * return at most ten times a second.  The command line feeds it from the
 * pipeline's per-document callback and erases it before any other message.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "progress.h"

struct rg_progress {
	FILE *f;
	int enabled;
	int shown;          /* a line is on the screen */
	long long total;
	double start, last; /* monotonic seconds */
	long docs;
	long long bytes;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

rg_err rg_progress_new(rg_progress **out, FILE *f, int enabled, long long total)
{
	rg_progress *p = calloc(1, sizeof *p);
	*out = p;
	if (!p)
		return RG_ENOMEM;
	p->f = f;
	p->enabled = enabled;
	p->total = total;
	p->start = now();
	return RG_OK;
}

/* Appends "X.Y" for bytes / 10^6 without the locale's decimal point. */
static size_t put_mb(char *buf, size_t n, long long bytes)
{
	long long tenths = (bytes + 50000) / 100000;
	int w = snprintf(buf, n, "%lld.%lld", tenths / 10, tenths % 10);
	return w < 0 ? 0 : (size_t)w;
}

/* Appends a formatted piece at *k, keeping buf NUL-ended when it is full. */
__attribute__((format(printf, 4, 5)))
static void put(char *buf, size_t n, size_t *k, const char *fmt, ...)
{
	va_list ap;
	if (*k + 1 >= n)
		return;
	va_start(ap, fmt);
	int w = vsnprintf(buf + *k, n - *k, fmt, ap);
	va_end(ap);
	if (w > 0)
		*k = *k + (size_t)w < n ? *k + (size_t)w : n - 1;
}

size_t rg_progress_format(char *buf, size_t n, long docs, long long bytes,
			  long long total, double elapsed)
{
	char mb[32], tot[32], rate[32];
	size_t k = 0;
	if (!n)
		return 0;
	buf[0] = '\0';
	put_mb(mb, sizeof mb, bytes);
	put(buf, n, &k, "%ld document%s, ", docs, docs == 1 ? "" : "s");
	if (total > 0) {
		long long pct = bytes >= total ? 100 : bytes * 100 / total;
		put_mb(tot, sizeof tot, total);
		put(buf, n, &k, "%s/%s MB (%lld%%)", mb, tot, pct);
	} else {
		put(buf, n, &k, "%s MB", mb);
	}
	if (elapsed >= 0.05) {
		double r = (double)bytes / elapsed;
		put_mb(rate, sizeof rate, (long long)(r + 0.5));
		put(buf, n, &k, ", %s MB/s", rate);
		if (total > 0 && r >= 1.0) {
			long long left = bytes >= total ? 0
				       : (long long)((double)(total - bytes) / r + 0.5);
			if (left >= 3600)
				put(buf, n, &k, ", ETA %lld:%02lld:%02lld", left / 3600,
				    left / 60 % 60, left % 60);
			else
				put(buf, n, &k, ", ETA %lld:%02lld", left / 60, left % 60);
		}
	}
	return k;
}

static void draw(rg_progress *p)
{
	char line[160];
	rg_progress_format(line, sizeof line, p->docs, p->bytes, p->total, now() - p->start);
	/* \r then erase to the end of the line: a shorter line leaves no tail */
	fprintf(p->f, "\r\033[Krelgraph: %s", line);
	fflush(p->f);
	p->shown = 1;
}

void rg_progress_update(rg_progress *p, long docs, long long bytes)
{
	if (!p || !p->enabled)
		return;
	p->docs = docs;
	p->bytes = bytes;
	double t = now();
	/* at most ten redraws a second; runs shorter than that never flash one */
	if (t - p->start < 0.1 || t - p->last < 0.1)
		return;
	p->last = t;
	draw(p);
}

void rg_progress_clear(rg_progress *p)
{
	if (!p || !p->enabled || !p->shown)
		return;
	fputs("\r\033[K", p->f);
	fflush(p->f);
	p->shown = 0;
}

void rg_progress_free(rg_progress *p)
{
	rg_progress_clear(p);
	free(p);
}

static int visible(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

/* Adds the size of path (recursively) to *sum; -1 when it is no file. */
static int add_size(const char *path, long long *sum, int depth)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return 0; /* the reader reports it; it adds nothing */
	if (S_ISREG(st.st_mode)) {
		*sum += (long long)st.st_size;
		return 0;
	}
	if (!S_ISDIR(st.st_mode))
		return -1;
	if (depth > 64)
		return 0;
	struct dirent **ents = NULL;
	int n = scandir(path, &ents, visible, alphasort), rc = 0;
	for (int i = 0; i < n; i++) {
		size_t len = strlen(path) + strlen(ents[i]->d_name) + 2;
		char *sub = malloc(len);
		if (sub && rc == 0) {
			snprintf(sub, len, "%s/%s", path, ents[i]->d_name);
			rc = add_size(sub, sum, depth + 1);
		}
		free(sub);
		free(ents[i]);
	}
	free(ents);
	return rc;
}

long long rg_progress_input_size(const char *const *paths, size_t n)
{
	long long sum = 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(paths[i], "-") == 0 || add_size(paths[i], &sum, 0))
			return -1;
	}
	return sum;
}
