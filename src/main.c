/*
 * main.c - relgraph's entry point: looks the subcommand up in the command
 * table and runs it.  To add a command: write src/cmd_NAME.c with an
 * rg_command (name, run function, summary, usage, options), declare it in
 * cli.h and add it to `commands` below.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const rg_command *const commands[] = {
	&rg_cmd_extract,
	&rg_cmd_rank,
	&rg_cmd_render,
	&rg_cmd_explain,
	&rg_cmd_actors,
	&rg_cmd_graph,
	&rg_cmd_merge,
	&rg_cmd_trend,
	&rg_cmd_candidates,
	&rg_cmd_formats,
};

#define N_COMMANDS (sizeof commands / sizeof *commands)

static void usage(FILE *f)
{
	fprintf(f, "usage: relgraph COMMAND [OPTIONS] [PATH...]\n\n"
		   "Turns multilingual diplomatic news into a relationship graph of\n"
		   "countries, officials and intergovernmental organisations.\n\n"
		   "commands:\n");
	for (size_t i = 0; i < N_COMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
	fprintf(f, "  %-10s %s\n", "help", "show the help of a command");
	fprintf(f, "\nPATH is a text file, a directory, a .jsonl file or - (standard input).\n"
		   "Run 'relgraph help COMMAND' for a command's options.\n"
		   "exit status: 0 success, 1 some inputs failed, 2 usage error\n");
}

static const rg_command *find(const char *name)
{
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	rg_cli_set_commands(commands, N_COMMANDS);
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const char *name = argv[1];
	if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
		printf("relgraph %s\n", RG_VERSION);
		return rg_cli_flush();
	}
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
		usage(stdout);
		return rg_cli_flush();
	}
	if (strcmp(name, "help") == 0) {
		if (argc < 3) {
			usage(stdout);
			return rg_cli_flush();
		}
		const rg_command *c = find(argv[2]);
		if (!c)
			return rg_cli_usage_error(NULL, "unknown command '%s'", argv[2]);
		rg_cli_help(c, stdout);
		return rg_cli_flush();
	}
	const rg_command *c = find(name);
	if (!c)
		return rg_cli_usage_error(NULL, "unknown command '%s'", name);
	return c->run(argc - 1, argv + 1);
}
