/*
 * render_text.c - text for Graphviz: a growable string (rg_sbuf) and the
 * escaping that makes a label, tooltip or HTML-like label show exactly the
 * characters of an actor name or title, whatever bytes the input held.
 * Used by render.c, which builds every Graphviz attribute with it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"

/* ---- growable strings ---------------------------------------------------- */

void rg_sb_putn(rg_sbuf *b, const char *s, size_t n)
{
	size_t cap;
	char *p;

	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		cap = b->cap ? b->cap : 128;
		while (cap < b->len + n + 1)
			cap *= 2;
		p = realloc(b->s, cap);
		if (!p) {
			b->oom = 1;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void rg_sb_puts(rg_sbuf *b, const char *s)
{
	rg_sb_putn(b, s, strlen(s));
}

void rg_sb_clear(rg_sbuf *b)
{
	b->len = 0;
	rg_sb_putn(b, "", 0);
}

/*
 * Appends `v` with `prec` digits ("%.*f", or "%.*g" when `g`), always with
 * '.' as the decimal point: Graphviz parses numbers in the C locale, whatever
 * LC_NUMERIC the application chose.
 */
void rg_sb_num(rg_sbuf *b, double v, int prec, int g)
{
	char tmp[64], *p;

	if (g)
		snprintf(tmp, sizeof tmp, "%.*g", prec, v);
	else
		snprintf(tmp, sizeof tmp, "%.*f", prec, v);
	for (p = tmp; *p; p++)
		if (*p == ',')
			*p = '.';
	rg_sb_puts(b, tmp);
}

/* ---- escaping text for Graphviz ------------------------------------------ */

/* The length of the well-formed UTF-8 sequence at s[0..n), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned long cp, min;
	size_t len, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] < 0xC2)
		return 0;
	if (s[0] < 0xE0) {
		len = 2, cp = s[0] & 0x1F, min = 0x80;
	} else if (s[0] < 0xF0) {
		len = 3, cp = s[0] & 0x0F, min = 0x800;
	} else if (s[0] < 0xF5) {
		len = 4, cp = s[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* Does `s` (just after an '&') look like an entity that Graphviz decodes? */
static int entity_like(const char *s)
{
	const char *p = s;

	if (*p == '#') {
		p++;
		if (*p == 'x' || *p == 'X') {
			p++;
			while ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f') ||
			       (*p >= 'A' && *p <= 'F'))
				p++;
		} else {
			while (*p >= '0' && *p <= '9')
				p++;
		}
	} else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
		while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		       (*p >= '0' && *p <= '9'))
			p++;
	}
	return p > s + 1 && *p == ';';
}

/*
 * Appends `s` so that Graphviz shows exactly these characters.  Labels are
 * escStrings: "\N", "\n", "\l" are expanded and "&name;" entities decoded, so
 * backslashes are doubled and an '&' that starts an entity becomes "&amp;".
 * Graphviz itself escapes <, >, & and " for SVG and quotes for DOT.  Control
 * characters become spaces and ill-formed UTF-8 becomes U+FFFD, so the SVG
 * stays well-formed whatever the articles contained.
 */
void rg_sb_escape(rg_sbuf *b, const char *s, int mode)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), len;

	while (n > 0) {
		len = utf8_len(p, n);
		if (len == 0) {
			rg_sb_puts(b, "\xEF\xBF\xBD");
			len = 1;
		} else if (*p == '\r' && n > 1 && p[1] == '\n') {
			/* CRLF: the LF that follows makes the line break */
		} else if (*p == '\n' || *p == '\r') {
			rg_sb_puts(b, mode == RG_ESC_LABEL ? "\\n" :
				   mode == RG_ESC_HTML ? "<BR/>" : " ");
		} else if (*p < 0x20 || *p == 0x7F) {
			rg_sb_puts(b, " ");
		} else if (mode == RG_ESC_HTML && *p == '&') {
			rg_sb_puts(b, "&amp;");
		} else if (mode == RG_ESC_HTML && *p == '<') {
			rg_sb_puts(b, "&lt;");
		} else if (mode == RG_ESC_HTML && *p == '>') {
			rg_sb_puts(b, "&gt;");
		} else if (mode == RG_ESC_HTML && *p == '"') {
			rg_sb_puts(b, "&quot;");
		} else if (mode != RG_ESC_HTML && *p == '\\') {
			rg_sb_puts(b, "\\\\");
		} else if (mode != RG_ESC_HTML && *p == '&' && entity_like((const char *)p + 1)) {
			rg_sb_puts(b, "&amp;");
		} else {
			rg_sb_putn(b, (const char *)p, len);
		}
		p += len;
		n -= len;
	}
}
