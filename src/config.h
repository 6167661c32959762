/*
 * config.h - relgraph.conf, the file of default option values (private to
 * relgraph; the command line applies it before parsing argv).  The format
 * is plain "key = value" lines with optional "[command]" sections; see
 * config.c for why it is not TOML.
 */
#ifndef RG_CONFIG_H
#define RG_CONFIG_H

#include <stddef.h>

#include "relgraph.h"

/*
 * Called for every setting in file order.  `section` is "" before the
 * first [section] header, else the header's name; `key` and `value` are
 * trimmed (surrounding double quotes removed from the value).  Each
 * header is also announced once, with `key` and `value` NULL.  The strings
 * are valid only during the call.  A non-zero return stops the reading and
 * is returned by rg_config_read.
 */
typedef int (*rg_config_fn)(void *ctx, const char *section, const char *key,
			    const char *value, long line);

/*
 * Reads the configuration file `path`.  Blank lines and lines starting
 * with '#' or ';' are ignored.  A line that is neither "[name]" nor
 * "key = value" (key: letters, digits, '-', '_') is reported through
 * `diag` as a warning with the file and line and skipped.  Returns
 * RG_EIO when the file cannot be read, RG_ENOMEM, the callback's first
 * non-zero value, or RG_OK.
 */
int rg_config_read(const char *path, rg_config_fn fn, void *ctx, const rg_diag *diag);

/*
 * Finds the configuration file to use and writes its path to buf (n
 * bytes): $RELGRAPH_CONFIG when set (set but empty: no file at all), else
 * ./relgraph.conf, else $XDG_CONFIG_HOME/relgraph/relgraph.conf (default
 * ~/.config), the first one that exists.  Returns 1 when a file was found,
 * 0 when none is to be read.
 */
int rg_config_locate(char *buf, size_t n);

#endif
