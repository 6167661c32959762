/*
 * render_formats.c - the formats diagram (`relgraph render --formats`):
 * the formats of an rg_formatstats drawn with Graphviz (cgraph + gvc, in
 * process) as a bipartite graph, one box per format linked to an ellipse
 * per member country.  Why not Graphviz clusters: a node belongs to one
 * cluster only, and the point of the diagram is the countries that sit in
 * several formats (Türkiye is in most of them), which a bipartite graph
 * shows as a node with many links and clusters cannot show at all.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <cgraph.h>
#include <gvc.h>

#include "relgraph.h"

#define FONT "Noto Sans,Noto Sans Arabic"

/*
 * One Graphviz context for the process, never freed, for the reason
 * render.c gives (Graphviz 2.42's pango plugin keeps a pointer into the
 * context's font data, so a second context after gvFreeContext() reads
 * freed memory).  Graphviz is not thread-safe; neither is this.
 */
static GVC_t *gvc_formats;

static char gv_err[512];

static int gv_capture(char *msg)
{
	size_t used = strlen(gv_err);
	if (strncmp(msg, "Error", 5) == 0 && used + 1 < sizeof gv_err)
		snprintf(gv_err + used, sizeof gv_err - used, "%s", msg);
	return 0;
}

/*
 * agsafeset() with copied name and value (cgraph takes char *).  Numbers are
 * printed with '.': relgraph never sets LC_NUMERIC, and Graphviz reads them
 * in the C locale.
 */
static int set(void *obj, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int set(void *obj, const char *name, const char *fmt, ...)
{
	char nm[32], val[1024], empty[1] = "";
	va_list ap;
	if (strlen(name) >= sizeof nm)
		return -1;
	strcpy(nm, name);
	va_start(ap, fmt);
	vsnprintf(val, sizeof val, fmt, ap);
	va_end(ap);
	return agsafeset(obj, nm, val, empty) == 0 ? 0 : -1;
}

/* A label-safe copy of s: backslashes doubled, '&' before an entity escaped. */
static void label_text(char *out, size_t n, const char *s)
{
	size_t k = 0;
	for (; *s && k + 6 < n; s++) {
		if (*s == '\\' || *s == '&') {
			const char *rep = *s == '\\' ? "\\\\" : "&amp;";
			memcpy(out + k, rep, strlen(rep));
			k += strlen(rep);
		} else if ((unsigned char)*s >= 0x20) {
			out[k++] = *s;
		}
	}
	out[k] = '\0';
}

static const char *format_for(const char *outpath)
{
	static const char *const map[][2] = {
		{ "svg", "svg" }, { "png", "png:cairo" }, { "pdf", "pdf:cairo" }, { "dot", "dot" },
	};
	const char *slash = strrchr(outpath, '/');
	const char *dot = strrchr(slash ? slash + 1 : outpath, '.');
	for (size_t i = 0; dot && i < sizeof map / sizeof map[0]; i++)
		if (strcasecmp(dot + 1, map[i][0]) == 0)
			return map[i][1];
	return NULL;
}

/* Renders into PATH.tmp.<pid>, then renames: no half-written diagram is left. */
static rg_err write_out(Agraph_t *g, const char *fmt, const char *outpath, char *errbuf,
			size_t errlen)
{
	size_t len = strlen(outpath) + 32;
	char *tmp = malloc(len);
	FILE *fp = NULL;
	rg_err rc = RG_EIO;
	if (!tmp)
		return RG_ENOMEM;
	snprintf(tmp, len, "%s.tmp.%ld", outpath, (long)getpid());
	if (!(fp = fopen(tmp, "wb"))) {
		snprintf(errbuf, errlen, "cannot create '%s': %s", tmp, strerror(errno));
		goto out;
	}
	if (gvRender(gvc_formats, g, fmt, fp) != 0) {
		snprintf(errbuf, errlen, "graphviz cannot write %s: %s", fmt, gv_err);
		rc = RG_ERENDER;
		goto out;
	}
	int bad = fflush(fp) != 0 || ferror(fp);
	bad |= fclose(fp) != 0;
	fp = NULL;
	if (bad || rename(tmp, outpath) != 0) {
		snprintf(errbuf, errlen, "cannot write '%s': %s", outpath, strerror(errno));
		goto out;
	}
	rc = RG_OK;
out:
	if (fp)
		fclose(fp);
	if (rc)
		unlink(tmp);
	free(tmp);
	return rc;
}

/* The nodes and links; formats [0, n) of fs (sorted by mentions). */
static rg_err build(Agraph_t *g, rg_formatstats *fs, const rg_lexicon *lex,
		    const rg_render_opts *o, size_t n)
{
	size_t na = rg_lexicon_actor_count(lex);
	long *in = calloc(na + 1, sizeof *in), max_in = 1, max_m = 1;
	Agnode_t **cn = calloc(na + 1, sizeof *cn);
	rg_err rc = RG_ENOMEM;
	char name[128], label[512];
	if (!in || !cn)
		goto out;
	for (size_t i = 0; i < n; i++) {
		const rg_format_stat *f = rg_formatstats_get(fs, i);
		if (f->mentions > max_m)
			max_m = f->mentions;
		for (size_t j = 0; j < f->n_members; j++)
			if (++in[f->members[j]] > max_in)
				max_in = in[f->members[j]];
	}
	rc = RG_ERENDER;
	for (size_t i = 0; i < n; i++) {
		const rg_format_stat *f = rg_formatstats_get(fs, i);
		double t = sqrt((double)f->mentions / (double)max_m);
		snprintf(name, sizeof name, "format:%s", f->key);
		Agnode_t *fn = agnode(g, name, 1);
		if (!fn)
			goto out;
		label_text(label, sizeof label, f->name ? f->name : f->key);
		if (set(fn, "shape", "box") || set(fn, "style", "filled,rounded") ||
		    set(fn, "fillcolor", "#F6D48A") || set(fn, "color", "#B87F00") ||
		    set(fn, "fontsize", "%.1f", 10 + 8 * t) ||
		    set(fn, "label", "%s\\n%ld mention%s, %ld doc%s", label, f->mentions,
			f->mentions == 1 ? "" : "s", f->docs, f->docs == 1 ? "" : "s") ||
		    set(fn, "tooltip", "%s: %s, %s to %s", f->key, f->n_members == 3 ?
			"trilateral" : f->n_members == 4 ? "quadrilateral" : "multilateral",
			f->first_date[0] ? f->first_date : "?", f->last_date[0] ? f->last_date : "?"))
			goto out;
		for (size_t j = 0; j < f->n_members; j++) {
			size_t a = f->members[j];
			const rg_actor_info *ai = rg_lexicon_actor(lex, a);
			if (!cn[a]) {
				double s = (double)in[a] / (double)max_in;
				const char *nm = o->label_lang >= 0 && o->label_lang < RG_NLANG &&
						 ai->names[o->label_lang] ? ai->names[o->label_lang]
						 : ai->names[RG_LANG_EN] ? ai->names[RG_LANG_EN] : ai->id;
				snprintf(name, sizeof name, "country:%s", ai->id);
				label_text(label, sizeof label, nm);
				if (!(cn[a] = agnode(g, name, 1)) || set(cn[a], "shape", "ellipse") ||
				    set(cn[a], "style", "filled") || set(cn[a], "fillcolor", "#A8D1EE") ||
				    set(cn[a], "color", "#0072B2") ||
				    set(cn[a], "fontsize", "%.1f", 10 + 10 * s) ||
				    set(cn[a], "label", "%s", label) ||
				    set(cn[a], "tooltip", "%s: in %ld format%s", ai->id, in[a],
					in[a] == 1 ? "" : "s"))
					goto out;
			}
			Agedge_t *e = agedge(g, fn, cn[a], NULL, 1);
			if (!e || set(e, "penwidth", "%.2f", 0.8 + 3.2 * t) ||
			    set(e, "color", "#7A7A7A"))
				goto out;
		}
	}
	rc = RG_OK;
out:
	free(in);
	free(cn);
	return rc;
}

rg_err rg_render_formats(rg_formatstats *fs, const rg_lexicon *lex,
			 const rg_render_opts *opts, const char *outpath,
			 char *errbuf, size_t errlen)
{
	char dummy[2], gname[] = "formats";
	const char *fmt, *layout = opts && opts->layout ? opts->layout : "neato";
	Agraph_t *g = NULL;
	agusererrf prev = NULL;
	int laid = 0, hooked = 0;
	size_t n = 0;
	rg_err rc = RG_EINPUT;
	rg_render_opts defaults;
	if (!errbuf || !errlen) {
		errbuf = dummy;
		errlen = sizeof dummy;
	}
	errbuf[0] = '\0';
	if (!opts) {
		rg_render_opts_init(&defaults);
		opts = &defaults;
	}
	if (!fs || !lex || !outpath) {
		snprintf(errbuf, errlen, "no formats or no output path");
		return RG_EINPUT;
	}
	if (!(fmt = format_for(outpath))) {
		snprintf(errbuf, errlen, "cannot tell the format of '%s': use .svg, .png, "
			 ".pdf or .dot", outpath);
		return RG_EINPUT;
	}
	if (strcmp(layout, "neato") && strcmp(layout, "fdp") && strcmp(layout, "sfdp") &&
	    strcmp(layout, "circo") && strcmp(layout, "twopi") && strcmp(layout, "dot")) {
		snprintf(errbuf, errlen, "unknown layout '%s'", layout);
		return RG_EINPUT;
	}
	while (n < rg_formatstats_count(fs) && rg_formatstats_get(fs, n)->mentions > 0)
		n++;
	if (opts->top && opts->top < n)
		n = opts->top;
	gv_err[0] = '\0';
	prev = agseterrf(gv_capture);
	hooked = 1;
	rc = RG_ERENDER;
	if (!gvc_formats && !(gvc_formats = gvContext())) {
		snprintf(errbuf, errlen, "cannot start graphviz");
		goto out;
	}
	if (!(g = agopen(gname, Agundirected, NULL)) ||
	    set(g, "fontname", FONT) || set(g, "overlap", "false") ||
	    set(g, "splines", "true") || set(g, "sep", "+10") || set(g, "pad", "0.3") ||
	    set(g, "outputorder", "edgesfirst") || set(g, "labelloc", "t") ||
	    set(g, "fontsize", "18") ||
	    !agattr(g, AGNODE, "fontname", FONT) || !agattr(g, AGNODE, "penwidth", "1.2")) {
		snprintf(errbuf, errlen, "cannot build the graphviz graph: %s", gv_err);
		goto out;
	}
	if (opts->title) {
		char t[512];
		label_text(t, sizeof t, opts->title);
		if (set(g, "label", "%s", t))
			goto out;
	} else if (set(g, "label", "%zu format%s; box size: mentions; country size: "
		       "formats it belongs to", n, n == 1 ? "" : "s")) {
		goto out;
	}
	if ((rc = build(g, fs, lex, opts, n))) {
		snprintf(errbuf, errlen, "cannot build the graphviz graph: %s",
			 rc == RG_ENOMEM ? "out of memory" : gv_err);
		goto out;
	}
	if (gvLayout(gvc_formats, g, layout) != 0) {
		rc = RG_ERENDER;
		snprintf(errbuf, errlen, "graphviz layout '%s' failed: %s", layout, gv_err);
		goto out;
	}
	laid = 1;
	rc = write_out(g, fmt, outpath, errbuf, errlen);
out:
	if (laid)
		gvFreeLayout(gvc_formats, g);
	if (g)
		agclose(g);
	if (hooked)
		agseterrf(prev);
	return rc;
}
