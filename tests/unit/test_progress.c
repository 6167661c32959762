/*
 * test_progress.c - the progress line's text (src/progress.c) and the
 * configuration file reader (src/config.c), with values worked out by
 * hand: MB are 10^6 bytes rounded to a tenth, rates bytes / seconds, ETAs
 * (total - done) / rate rounded to the second.
 */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "progress.h"
#include "tap.h"

static char dir[] = "/tmp/rg-test-progress-XXXXXX";

static void write_file(const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void test_format(void)
{
	char buf[160];
	rg_progress_format(buf, sizeof buf, 3, 2500000, -1, 0.0);
	is_str(buf, "3 documents, 2.5 MB", "no total, no time yet: documents and MB only");
	/* 1.5 MB of 10 MB in 2 s: 0.75 MB/s, 15%, 8.5 MB left / 0.75 = 11.3 s */
	rg_progress_format(buf, sizeof buf, 1, 1500000, 10000000, 2.0);
	is_str(buf, "1 document, 1.5/10.0 MB (15%), 0.8 MB/s, ETA 0:11",
	       "known total: percent, rate and ETA");
	/* 1 MB/s with 4999 MB left: 4999 s = 1 h 23 min 19 s */
	rg_progress_format(buf, sizeof buf, 10, 1000000, 5000000000LL, 1.0);
	is_str(buf, "10 documents, 1.0/5000.0 MB (0%), 1.0 MB/s, ETA 1:23:19",
	       "an ETA over an hour is H:MM:SS");
	rg_progress_format(buf, sizeof buf, 5, 12000000, 10000000, 4.0);
	is_str(buf, "5 documents, 12.0/10.0 MB (100%), 3.0 MB/s, ETA 0:00",
	       "more bytes than the total: 100% and no time left");
	rg_progress_format(buf, sizeof buf, 0, 49999, -1, 1.0);
	is_str(buf, "0 documents, 0.0 MB, 0.0 MB/s", "49,999 bytes round down to 0.0 MB");
	rg_progress_format(buf, sizeof buf, 0, 50000, -1, 10.0);
	is_str(buf, "0 documents, 0.1 MB, 0.0 MB/s", "50,000 bytes round up to 0.1 MB");
	size_t n = rg_progress_format(buf, 10, 123456, 1, -1, 0.0);
	ok(n < 10 && strlen(buf) == n, "a short buffer is cut and NUL-ended");
}

static void test_input_size(void)
{
	char sub[300], path[300];
	write_file("a.txt", "abc");
	write_file("b.txt", "hello");
	write_file(".hidden", "1234567");
	snprintf(sub, sizeof sub, "%s/sub", dir);
	mkdir(sub, 0700);
	write_file("sub/c.txt", "eleven char");
	const char *paths[] = { dir };
	is_int(rg_progress_input_size(paths, 1), 3 + 5 + 11,
	       "a directory: its visible files, recursively");
	snprintf(path, sizeof path, "%s/b.txt", dir);
	const char *two[] = { path, sub };
	is_int(rg_progress_input_size(two, 2), 5 + 11, "a file and a directory");
	const char *in[] = { path, "-" };
	is_int(rg_progress_input_size(in, 2), -1, "standard input: no total");
}

/* ---- config ---------------------------------------------------------- */

static char got[256];
static long n_warn, warn_lines[8];

static int collect(void *ctx, const char *section, const char *key, const char *value,
		   long line)
{
	size_t k = strlen(got);
	if (key)
		snprintf(got + k, sizeof got - k, "%ld[%s]%s=%s;", line, section, key, value);
	else
		snprintf(got + k, sizeof got - k, "%ld[%s];", line, section);
	return 0;
}

static void warn(void *ctx, rg_severity sev, const char *file, long line, long byte,
		 const char *msg)
{
	if (n_warn < 8)
		warn_lines[n_warn] = line;
	n_warn++;
}

static int stop_at_two(void *ctx, const char *section, const char *key, const char *value,
		       long line)
{
	return line == 3 ? 42 : 0;
}

static void test_config(void)
{
	char path[300];
	rg_diag d = { warn, NULL };
	write_file("relgraph.conf", "# defaults\n"
				    "top = 5\n"
				    "  window=paragraph  \n"
				    "[rank]\n"
				    "format = \"csv\"\n"
				    "bad line\n"
				    "[render\n"
				    "label-lang = fa\n"
				    "; comment\n"
				    "bad key! = 1\n"
				    "actors = a b.tsv\r\n");
	snprintf(path, sizeof path, "%s/relgraph.conf", dir);
	is_int(rg_config_read(path, collect, NULL, &d), RG_OK, "the file reads");
	is_str(got, "2[]top=5;3[]window=paragraph;4[rank];5[rank]format=csv;8[rank]label-lang=fa;"
		    "11[rank]actors=a b.tsv;",
	       "keys, trimmed values, sections, quotes removed, CR dropped");
	is_int(n_warn, 3, "three bad lines are reported");
	ok(warn_lines[0] == 6 && warn_lines[1] == 7 && warn_lines[2] == 10,
	   "with their line numbers 6, 7 and 10");
	is_int(rg_config_read(path, stop_at_two, NULL, &d), 42,
	       "the callback's error stops the reading and is returned");
	snprintf(path, sizeof path, "%s/none.conf", dir);
	is_int(rg_config_read(path, collect, NULL, NULL), RG_EIO, "a missing file is RG_EIO");

	/* where the file is found */
	char buf[512], cwd[512], xdg[200];
	if (!getcwd(cwd, sizeof cwd))
		cwd[0] = '\0';
	setenv("RELGRAPH_CONFIG", "", 1);
	is_int(rg_config_locate(buf, sizeof buf), 0, "RELGRAPH_CONFIG set and empty: no file");
	setenv("RELGRAPH_CONFIG", "/some/where.conf", 1);
	ok(rg_config_locate(buf, sizeof buf) == 1 && strcmp(buf, "/some/where.conf") == 0,
	   "RELGRAPH_CONFIG names the file");
	unsetenv("RELGRAPH_CONFIG");
	if (chdir(dir) == 0) {
		ok(rg_config_locate(buf, sizeof buf) == 1 && strcmp(buf, "relgraph.conf") == 0,
		   "./relgraph.conf in the working directory");
		snprintf(xdg, sizeof xdg, "%s/sub", dir);
		setenv("XDG_CONFIG_HOME", xdg, 1);
		if (chdir(xdg) == 0) {
			is_int(rg_config_locate(buf, sizeof buf), 0,
			       "no file anywhere: none to read");
			snprintf(path, sizeof path, "%s/relgraph", xdg);
			mkdir(path, 0700);
			write_file("sub/relgraph/relgraph.conf", "top = 1\n");
			snprintf(path, sizeof path, "%s/relgraph/relgraph.conf", xdg);
			ok(rg_config_locate(buf, sizeof buf) == 1 && strcmp(buf, path) == 0,
			   "$XDG_CONFIG_HOME/relgraph/relgraph.conf");
		}
		if (chdir(cwd) != 0)
			ok(0, "back to the working directory");
	}
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	test_format();
	test_input_size();
	test_config();
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		ok(0, "clean up");
	return tap_done();
}
