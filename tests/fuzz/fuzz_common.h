/*
 * fuzz_common.h - what the libFuzzer targets of tests/fuzz/ share: a diag
 * callback that reads every message it gets (so ASan sees a bad pointer or
 * an unterminated string) and writing the input to a private temporary file
 * for the code that reads files by name.  Built only by mk/fuzz.mk.
 */
#ifndef RG_FUZZ_COMMON_H
#define RG_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "relgraph.h"

#ifndef RG_DATADIR
#define RG_DATADIR "data"
#endif

static volatile size_t fuzz_sink;

static void fuzz_diag_fn(void *ctx, rg_severity sev, const char *file, long line,
			 long byte, const char *msg)
{
	(void)ctx;
	fuzz_sink += strlen(msg) + (file ? strlen(file) : 0) + (size_t)sev +
		     (size_t)line + (size_t)byte;
}

static const rg_diag fuzz_diag = { fuzz_diag_fn, NULL };

/* The data folder: $RELGRAPH_DATA or the build's. */
static inline const char *fuzz_datadir(void)
{
	const char *d = getenv("RELGRAPH_DATA");
	return d && *d ? d : RG_DATADIR;
}

/*
 * Writes data to a temporary file named with suffix (e.g. ".jsonl") and
 * returns its path in path (at least 64 bytes); 0 on success.
 */
static inline int fuzz_write_temp(const uint8_t *data, size_t size, const char *suffix,
				  char *path, size_t cap)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(path, cap, "%s/rgfuzz-XXXXXX%s", tmp && *tmp ? tmp : "/tmp", suffix);
	int fd = mkstemps(path, (int)strlen(suffix));
	if (fd < 0)
		return -1;
	size_t off = 0;
	while (off < size) {
		ssize_t w = write(fd, data + off, size - off);
		if (w <= 0) {
			close(fd);
			unlink(path);
			return -1;
		}
		off += (size_t)w;
	}
	close(fd);
	return 0;
}

#endif
