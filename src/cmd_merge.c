/*
 * cmd_merge.c - `relgraph merge TABLE...`: sums partial edge tables (from
 * `extract --emit edges` over parts of a corpus) into one table, the
 * reduce step when relgraph runs under Hadoop Streaming or Spark's pipe.
 * Merging the tables of any split gives the whole corpus's table exactly.
 */
#include <string.h>

#include "cli.h"

static const rg_opt opts[] = {
	{ "jobs", 'j', "N", "sort and write the table on N threads (default: all cores)" },
	{ "quiet", 'q', NULL, "print no warnings" },
	{ "help", 'h', NULL, "show this help" },
	{ NULL, 0, NULL, NULL }
};

const rg_command rg_cmd_merge = {
	"merge", cmd_merge, "sum partial edge tables (extract --emit edges) into one",
	"[OPTIONS] TABLE... (- is standard input)", opts
};

int cmd_merge(int argc, char **argv)
{
	rg_ctx ctx;
	rg_edgeset *s = NULL;
	int first, status = EXIT_INPUT;
	static char *const stdin_only[] = { "-" };
	char *const *paths;
	int n;

	rg_ctx_init(&ctx);
	int p = rg_cli_parse(&rg_cmd_merge, argc, argv, &ctx, NULL, NULL, &first);
	if (p)
		return p == 1 ? rg_cli_flush() : p;
	paths = first < argc ? argv + first : stdin_only;
	n = first < argc ? argc - first : 1;
	rg_diag d = rg_cli_diag(&ctx);
	for (int i = 0; i < n; i++) {
		rg_err rc = rg_edgeset_read(&s, paths[i], &d);
		if (rc) {
			if (rc == RG_ENOMEM)
				fprintf(stderr, "relgraph: error: %s\n", rg_err_str(rc));
			goto out;
		}
	}
	rg_edgeset_write_jobs(s, stdout, rg_pipeline_jobs(ctx.jobs));
	status = rg_cli_flush();
	if (!status && !ctx.quiet)
		fprintf(stderr, "relgraph: %d table%s merged: %ld documents in %zu slices\n", n,
			n == 1 ? "" : "s", rg_edgeset_doc_count(s), rg_edgeset_slice_count(s));
out:
	rg_edgeset_free(s);
	return status;
}
