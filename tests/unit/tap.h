/*
 * tap.h - a tiny TAP producer for relgraph's C unit tests.
 *
 * Each check prints "ok N - name" or "not ok N - name" with the failing
 * expression; tap_done() prints the plan and returns the exit status, so a
 * test program ends with `return tap_done();`.  tests/run.sh counts the
 * lines of every program into one "N passed, N failed" summary.
 */
#ifndef RG_TAP_H
#define RG_TAP_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int tap_n_, tap_failed_;

static inline void tap_report_(int ok, const char *name, const char *file,
			       int line, const char *detail)
{
	tap_n_++;
	printf("%sok %d - %s\n", ok ? "" : "not ", tap_n_, name);
	if (!ok) {
		tap_failed_++;
		printf("#   failed at %s:%d: %s\n", file, line, detail);
	}
	fflush(stdout);
}

/* ok(expr, name): passes when expr is true. */
#define ok(expr, name) tap_report_(!!(expr), (name), __FILE__, __LINE__, #expr)

/* is_str(got, want, name): string equality (NULL-safe). */
#define is_str(got, want, name) do { \
	const char *g_ = (got), *w_ = (want); \
	int same_ = (g_ && w_) ? strcmp(g_, w_) == 0 : g_ == w_; \
	char d_[512]; \
	snprintf(d_, sizeof d_, "got '%s', want '%s'", g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
	tap_report_(same_, (name), __FILE__, __LINE__, d_); \
} while (0)

/* is_int(got, want, name): integer equality. */
#define is_int(got, want, name) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	char d_[128]; \
	snprintf(d_, sizeof d_, "got %lld, want %lld", g_, w_); \
	tap_report_(g_ == w_, (name), __FILE__, __LINE__, d_); \
} while (0)

/* is_num(got, want, eps, name): |got - want| <= eps. */
#define is_num(got, want, eps, name) do { \
	double g_ = (got), w_ = (want); \
	char d_[128]; \
	snprintf(d_, sizeof d_, "got %.9g, want %.9g", g_, w_); \
	tap_report_(fabs(g_ - w_) <= (eps), (name), __FILE__, __LINE__, d_); \
} while (0)

static inline int tap_done(void)
{
	printf("1..%d\n", tap_n_);
	return tap_failed_ ? 1 : 0;
}

#endif
