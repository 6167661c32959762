/*
 * util.c - the containers of util.h: byte buffers, growable arrays, string
 * and integer hash maps, whole-file reads and diagnostics.  Everything above
 * the text layer builds on these; none of it knows about relgraph's data.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/mman.h>

#include <unicode/utf8.h>

#include "util.h"

/*
 * Block p, of which the first `used` bytes matter, moved to one of `bytes`:
 * by realloc below RG_HUGE_MIN, else into a fresh rg_malloc_big block (a
 * realloc would touch the pages before the huge-page hint could apply).
 * NULL on failure, p unchanged.
 */
static void *regrow(void *p, size_t used, size_t bytes)
{
	if (bytes < RG_HUGE_MIN)
		return realloc(p, bytes);
	void *np = rg_malloc_big(bytes);
	if (np) {
		if (used)
			memcpy(np, p, used);
		free(p);
	}
	return np;
}

rg_err rg_sb_grow(rg_sb *sb, size_t extra)
{
	size_t need = sb->len + extra + 1;
	if (need <= sb->cap)
		return RG_OK;
	size_t cap = sb->cap ? sb->cap : 64;
	while (cap < need)
		cap *= 2;
	char *nb = regrow(sb->buf, sb->len ? sb->len + 1 : 0, cap);
	if (!nb)
		return RG_ENOMEM;
	sb->buf = nb;
	sb->cap = cap;
	return RG_OK;
}

rg_err rg_sb_add(rg_sb *sb, const void *p, size_t n)
{
	if (rg_sb_grow(sb, n))
		return RG_ENOMEM;
	if (n)
		memcpy(sb->buf + sb->len, p, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
	return RG_OK;
}

rg_err rg_sb_adds(rg_sb *sb, const char *s)
{
	return rg_sb_add(sb, s, strlen(s));
}

rg_err rg_sb_addc(rg_sb *sb, char c)
{
	return rg_sb_add(sb, &c, 1);
}

rg_err rg_sb_addf(rg_sb *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || rg_sb_grow(sb, (size_t)n))
		return RG_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
	return RG_OK;
}

void rg_sb_reset(rg_sb *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

void rg_sb_release(rg_sb *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

rg_err rg_grow(void *pp, size_t *cap, size_t need, size_t size)
{
	void **p = pp;
	if (need <= *cap)
		return RG_OK;
	size_t nc = *cap ? *cap : 8;
	while (nc < need)
		nc *= 2;
	if (nc > SIZE_MAX / size)
		return RG_ENOMEM;
	void *np = regrow(*p, *cap * size, nc * size);
	if (!np)
		return RG_ENOMEM;
	*p = np;
	*cap = nc;
	return RG_OK;
}

#define HUGE_PAGE ((size_t)2 << 20)

void *rg_malloc_big(size_t bytes)
{
	if (bytes < RG_HUGE_MIN || bytes > SIZE_MAX - HUGE_PAGE)
		return malloc(bytes);
	/* whole huge pages, so that the hint covers every byte */
	size_t whole = (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	void *p = aligned_alloc(HUGE_PAGE, whole);
#ifdef MADV_HUGEPAGE
	if (p)
		(void)madvise(p, whole, MADV_HUGEPAGE);
#endif
	return p;
}

void *rg_calloc_line(size_t bytes)
{
	if (bytes > SIZE_MAX - RG_CACHE_LINE)
		return NULL;
	size_t whole = (bytes + RG_CACHE_LINE - 1) & ~(size_t)(RG_CACHE_LINE - 1);
	void *p = aligned_alloc(RG_CACHE_LINE, whole ? whole : RG_CACHE_LINE);
	if (p)
		memset(p, 0, whole ? whole : RG_CACHE_LINE);
	return p;
}

/* The length of the unsafe character at p (see rg_term_text), or 0. */
static size_t term_unsafe(const unsigned char *p)
{
	if (p[0] < 0x20 || p[0] == 0x7F)
		return 1;
	if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
		return 2;
	if (p[0] == 0xE2 && ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
			     (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)))
		return 3;
	return 0;
}

const char *rg_term_text(const char *s, rg_sb *buf)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (p[i] && !term_unsafe(p + i))
		i++;
	if (!p[i])
		return s;
	rg_sb_reset(buf);
	if (rg_sb_add(buf, s, i))
		return "?";
	while (p[i]) {
		size_t k = term_unsafe(p + i);
		if (!k) {
			if (rg_sb_addc(buf, (char)p[i]))
				return "?";
			i++;
			continue;
		}
		UChar32 c = k == 1 ? p[i] : k == 2 ? p[i + 1]
			: 0x2000 | (p[i + 1] & 0x3F) << 6 | (p[i + 2] & 0x3F);
		if (rg_sb_addf(buf, "<U+%04X>", (unsigned)c))
			return "?";
		i += k;
	}
	return buf->buf;
}

uint64_t rg_hash(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/*
 * The string maps' own hash (rg_hash stays FNV-1a for its callers): the
 * key 8 bytes at a time (the last 8 overlapping the one before, two
 * 4-byte reads or three bytes for short keys), each folded in with a
 * multiply, then mixed so that the low bits, which pick the slot, depend
 * on every byte.  About a quarter of FNV's instructions on a 10-byte
 * word; which slot a key lands in is invisible outside this file.
 */
static inline uint64_t sm_mix(uint64_t h, uint64_t x)
{
	h = (h ^ x) * 0xFF51AFD7ED558CCDull;
	return h ^ h >> 32;
}

static inline uint64_t strmap_hash(const char *key, size_t n)
{
	const unsigned char *b = (const unsigned char *)key;
	uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t)n;
	if (n > 8) {
		for (size_t i = 0; i + 8 < n; i += 8)
			h = sm_mix(h, rg_read64(key + i));
		h = sm_mix(h, rg_read64(key + n - 8));
	} else if (n >= 4) {
		h = sm_mix(h, rg_read32(key) << 32 | rg_read32(key + n - 4));
	} else if (n) {
		h = sm_mix(h, (uint64_t)b[0] << 16 | (uint64_t)b[n / 2] << 8 | b[n - 1]);
	}
	h *= 0xC4CEB9FE1A85EC53ull;
	return h ^ h >> 29;
}

void rg_strmap_init(rg_strmap *m)
{
	memset(m, 0, sizeof *m);
}

void rg_strmap_release(rg_strmap *m)
{
	free(m->slots);
	free(m->ents);
	rg_sb_release(&m->keys);
	memset(m, 0, sizeof *m);
}

static size_t strmap_find(const rg_strmap *m, uint64_t h, const char *key,
			  size_t len)
{
	size_t mask = m->n_slots - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		uint32_t s = m->slots[i];
		if (!s)
			return i;
		const struct rg_strmap_ent *e = &m->ents[s - 1];
		if (e->hash == h && e->len == len &&
		    memcmp(m->keys.buf + e->off, key, len) == 0)
			return i;
	}
}

uint32_t rg_strmap_get(const rg_strmap *m, const char *key, size_t len)
{
	if (!m->n_slots)
		return UINT32_MAX;
	uint32_t s = m->slots[strmap_find(m, strmap_hash(key, len), key, len)];
	return s ? m->ents[s - 1].val : UINT32_MAX;
}

static rg_err strmap_rehash(rg_strmap *m, size_t n_slots)
{
	uint32_t *slots = rg_malloc_big(n_slots * sizeof *slots);
	if (!slots)
		return RG_ENOMEM;
	memset(slots, 0, n_slots * sizeof *slots);
	for (size_t i = 0; i < m->n_ents; i++) {
		size_t j = m->ents[i].hash & (n_slots - 1);
		while (slots[j])
			j = (j + 1) & (n_slots - 1);
		slots[j] = (uint32_t)i + 1;
	}
	free(m->slots);
	m->slots = slots;
	m->n_slots = n_slots;
	return RG_OK;
}

rg_err rg_strmap_put(rg_strmap *m, const char *key, size_t len, uint32_t val,
		     uint32_t *out)
{
	if ((m->n_ents + 1) * 2 > m->n_slots &&
	    strmap_rehash(m, m->n_slots ? m->n_slots * 2 : 64))
		return RG_ENOMEM;
	uint64_t h = strmap_hash(key, len);
	size_t i = strmap_find(m, h, key, len);
	if (m->slots[i]) {
		if (out)
			*out = m->ents[m->slots[i] - 1].val;
		return RG_OK;
	}
	if (rg_grow(&m->ents, &m->cap_ents, m->n_ents + 1, sizeof *m->ents))
		return RG_ENOMEM;
	size_t off = m->keys.len;
	if (rg_sb_add(&m->keys, key, len) || rg_sb_addc(&m->keys, '\0'))
		return RG_ENOMEM;
	m->ents[m->n_ents] = (struct rg_strmap_ent){
		h, (uint32_t)off, (uint32_t)len, val };
	m->slots[i] = (uint32_t)++m->n_ents;
	if (out)
		*out = val;
	return RG_OK;
}

const char *rg_strmap_key(const rg_strmap *m, size_t i, size_t *len)
{
	if (len)
		*len = m->ents[i].len;
	return m->keys.buf + m->ents[i].off;
}

void rg_u64map_init(rg_u64map *m)
{
	memset(m, 0, sizeof *m);
}

void rg_u64map_release(rg_u64map *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

static size_t u64_slot(uint64_t k, size_t n_slots)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return k & (n_slots - 1);
}

uint32_t rg_u64map_get(const rg_u64map *m, uint64_t key)
{
	if (!m->n_slots)
		return UINT32_MAX;
	for (size_t i = u64_slot(key, m->n_slots);; i = (i + 1) & (m->n_slots - 1)) {
		if (m->vals[i] == UINT32_MAX)
			return UINT32_MAX;
		if (m->keys[i] == key)
			return m->vals[i];
	}
}

static rg_err u64map_rehash(rg_u64map *m, size_t n_slots)
{
	uint64_t *keys = rg_malloc_big(n_slots * sizeof *keys);
	uint32_t *vals = rg_malloc_big(n_slots * sizeof *vals);
	if (!keys || !vals) {
		free(keys);
		free(vals);
		return RG_ENOMEM;
	}
	memset(vals, 0xff, n_slots * sizeof *vals);
	for (size_t i = 0; i < m->n_slots; i++) {
		if (m->vals[i] == UINT32_MAX)
			continue;
		size_t j = u64_slot(m->keys[i], n_slots);
		while (vals[j] != UINT32_MAX)
			j = (j + 1) & (n_slots - 1);
		keys[j] = m->keys[i];
		vals[j] = m->vals[i];
	}
	free(m->keys);
	free(m->vals);
	m->keys = keys;
	m->vals = vals;
	m->n_slots = n_slots;
	return RG_OK;
}

/* The slot of key (its own, or the empty one it would take), after making
 * room for one more key. */
static rg_err u64map_slot(rg_u64map *m, uint64_t key, size_t *slot)
{
	if ((m->n + 1) * 2 > m->n_slots &&
	    u64map_rehash(m, m->n_slots ? m->n_slots * 2 : 64))
		return RG_ENOMEM;
	size_t i = u64_slot(key, m->n_slots);
	while (m->vals[i] != UINT32_MAX && m->keys[i] != key)
		i = (i + 1) & (m->n_slots - 1);
	*slot = i;
	return RG_OK;
}

rg_err rg_u64map_put(rg_u64map *m, uint64_t key, uint32_t val)
{
	size_t i;
	if (u64map_slot(m, key, &i))
		return RG_ENOMEM;
	if (m->vals[i] == UINT32_MAX)
		m->n++;
	m->keys[i] = key;
	m->vals[i] = val;
	return RG_OK;
}

int rg_edge_cmp(const void *x, const void *y)
{
	const rg_edge *a = x, *b = y;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

static int cmp_id_ref(const void *x, const void *y)
{
	return strcmp(((const rg_id_ref *)x)->id, ((const rg_id_ref *)y)->id);
}

void rg_id_refs_sort(rg_id_ref *refs, size_t n)
{
	qsort(refs, n, sizeof *refs, cmp_id_ref);
}

void rg_u64map_clear(rg_u64map *m)
{
	if (m->n_slots)
		memset(m->vals, 0xff, m->n_slots * sizeof *m->vals);
	m->n = 0;
}

rg_err rg_file_read(const char *path, char **out, size_t *len)
{
	rg_err rc = RG_EIO;
	rg_sb sb = RG_SB_INIT;
	FILE *f = fopen(path, "rb");
	if (!f)
		return RG_EIO;
	for (;;) {
		if (rg_sb_grow(&sb, 1 << 16)) {
			rc = RG_ENOMEM;
			goto out;
		}
		size_t n = fread(sb.buf + sb.len, 1, sb.cap - sb.len - 1, f);
		sb.len += n;
		if (n == 0)
			break;
	}
	if (ferror(f))
		goto out;
	sb.buf[sb.len] = '\0';
	*out = sb.buf;
	*len = sb.len;
	sb.buf = NULL;
	rc = RG_OK;
out:
	{
		int saved = errno;
		fclose(f);
		errno = saved;
	}
	rg_sb_release(&sb);
	return rc;
}

char *rg_strdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

char *rg_strndup(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

rg_err rg_sb_add_utf8(rg_sb *sb, const char *p, size_t n)
{
	const uint8_t *s = (const uint8_t *)p;
	size_t i = 0, run = 0;
	while (i < n) {
		size_t at = i;
		UChar32 c;
		U8_NEXT(s, i, n, c);
		if (c >= 0)
			continue;
		if (rg_sb_add(sb, p + run, at - run) ||
		    rg_sb_add(sb, "\xEF\xBF\xBD", 3))
			return RG_ENOMEM;
		run = i;
	}
	return rg_sb_add(sb, p + run, n - run);
}

void rg_diag_emit(const rg_diag *d, rg_severity sev, const char *file,
		  long line, long byte, const char *fmt, ...)
{
	if (!d || !d->fn)
		return;
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	d->fn(d->ctx, sev, file, line, byte, msg);
}

char *rg_line_next(char **cursor, long *lineno)
{
	char *line = *cursor;
	if (!line || !*line)
		return NULL;
	char *nl = strchr(line, '\n');
	if (nl) {
		*nl = '\0';
		*cursor = nl + 1;
	} else {
		*cursor = line + strlen(line);
	}
	size_t n = strlen(line);
	if (n && line[n - 1] == '\r')
		line[n - 1] = '\0';
	(*lineno)++;
	return line;
}

int rg_tsv_split(char *line, char **fields, int max)
{
	int n = 0;
	char *p = line;
	while (n < max) {
		fields[n++] = p;
		if (n == max)
			break;
		p = strchr(p, '\t');
		if (!p)
			break;
		*p++ = '\0';
	}
	return n;
}

int rg_line_skip(const char *line)
{
	return line[0] == '#' || line[strspn(line, " \t")] == '\0';
}

rg_err rg_rows_open(rg_rows *r, const char *path)
{
	size_t len;
	r->line = 0;
	r->text = r->cur = NULL;
	rg_err rc = rg_file_read(path, &r->text, &len);
	if (rc == RG_OK && memchr(r->text, '\0', len)) {
		free(r->text);
		r->text = NULL;
		return RG_EIO; /* binary data is no table */
	}
	r->cur = r->text;
	return rc;
}

int rg_rows_next(rg_rows *r, char **fields, int max)
{
	char *line;
	while ((line = rg_line_next(&r->cur, &r->line)))
		if (!rg_line_skip(line))
			return rg_tsv_split(line, fields, max);
	return 0;
}

void rg_rows_close(rg_rows *r)
{
	free(r->text);
	r->text = r->cur = NULL;
}
