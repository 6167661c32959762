/*
 * config.c - reads relgraph.conf: "key = value" lines, '#' comments and
 * "[command]" sections, the keys being long option names.  Why not TOML:
 * Debian bookworm packages no C TOML parser (apt-cache search toml finds
 * C++, Go, Perl and Python ones only), the settings are flat option values,
 * and this subset reads the same as TOML's for them (a file of bare
 * `key = "value"` lines is valid TOML), so nothing is lost.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "util.h"

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

static int valid_key(const char *k)
{
	if (!*k)
		return 0;
	for (; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') ||
		      (*k >= '0' && *k <= '9') || *k == '-' || *k == '_'))
			return 0;
	return 1;
}

int rg_config_read(const char *path, rg_config_fn fn, void *ctx, const rg_diag *diag)
{
	char *text = NULL;
	size_t len = 0;
	char section[64] = "";
	int rc = RG_OK;
	if (rg_file_read(path, &text, &len)) {
		rg_diag_emit(diag, RG_SEV_ERROR, path, -1, -1, "cannot read the configuration");
		return RG_EIO;
	}
	long lineno = 0;
	char *cur = text, *raw;
	while ((raw = rg_line_next(&cur, &lineno))) {
		char *line = trim(raw);
		if (!*line || *line == '#' || *line == ';')
			continue;
		if (*line == '[') {
			char *end = strchr(line, ']');
			char *name = end ? (*end = '\0', trim(line + 1)) : NULL;
			if (!end || *trim(end + 1) || !valid_key(name) ||
			    strlen(name) >= sizeof section) {
				rg_diag_emit(diag, RG_SEV_WARNING, path, lineno, -1,
					     "expected a section header like [rank]; line skipped");
				continue;
			}
			strcpy(section, name);
			if ((rc = fn(ctx, section, NULL, NULL, lineno)))
				break;
			continue;
		}
		char *eq = strchr(line, '=');
		if (!eq) {
			rg_diag_emit(diag, RG_SEV_WARNING, path, lineno, -1,
				     "expected 'key = value'; line skipped");
			continue;
		}
		*eq = '\0';
		char *key = trim(line), *val = trim(eq + 1);
		size_t vn = strlen(val);
		if (vn >= 2 && val[0] == '"' && val[vn - 1] == '"') {
			val[vn - 1] = '\0';
			val++;
		}
		if (!valid_key(key)) {
			rg_diag_emit(diag, RG_SEV_WARNING, path, lineno, -1,
				     "'%s' is no option name; line skipped", key);
			continue;
		}
		if ((rc = fn(ctx, section, key, val, lineno)))
			break;
	}
	free(text);
	return rc;
}

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int rg_config_locate(char *buf, size_t n)
{
	const char *env = getenv("RELGRAPH_CONFIG");
	if (env) {
		snprintf(buf, n, "%s", env);
		return *env != '\0';
	}
	snprintf(buf, n, "relgraph.conf");
	if (exists(buf))
		return 1;
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (xdg && *xdg)
		snprintf(buf, n, "%s/relgraph/relgraph.conf", xdg);
	else if (home && *home)
		snprintf(buf, n, "%s/.config/relgraph/relgraph.conf", home);
	else
		return 0;
	return exists(buf);
}
