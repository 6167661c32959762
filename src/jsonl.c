/*
 * jsonl.c - turns one JSONL line into a document with jansson: the
 * object's "text", "id", "date" and "lang".  It keeps no state and
 * reports nothing, so the pipeline's worker threads parse lines in
 * parallel; what is wrong with a line is recorded in the result and
 * reported by rg_reader_commit (reader.c) in input order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "reader.h"

void rg_jsonl_release(rg_jsonl_doc *d)
{
	if (d->json)
		json_decref(d->json);
	free(d->id);
	memset(d, 0, sizeof *d);
	d->skip = -1;
}

static void set_skip(rg_jsonl_doc *d, int reason, const char *msg, const char *detail)
{
	d->skip = reason;
	d->msg = msg;
	snprintf(d->detail, sizeof d->detail, "%s", detail ? detail : "");
}

static int valid_date(const char *s)
{
	if (strlen(s) < 10)
		return 0;
	for (int i = 0; i < 10; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

rg_err rg_jsonl_parse(rg_jsonl_doc *d, const char *line, size_t n, const char *file,
		      long lineno, size_t max_doc)
{
	rg_jsonl_release(d);
	d->byte = -1;
	json_error_t err;
	json_t *o = json_loadb(line, n, JSON_DISABLE_EOF_CHECK, &err);
	d->json = o;
	if (!o || !json_is_object(o)) {
		set_skip(d, RG_SKIP_JSON, "invalid JSON: ", o ? "not an object" : err.text);
		return RG_OK;
	}
	json_t *text = json_object_get(o, "text"), *id = json_object_get(o, "id");
	json_t *date = json_object_get(o, "date"), *lang = json_object_get(o, "lang");
	if (!json_is_string(text)) {
		set_skip(d, RG_SKIP_JSON, text ? "\"text\" is not a string; line skipped"
					       : "no \"text\" field; line skipped", NULL);
		return RG_OK;
	}
	const char *t = json_string_value(text);
	size_t len = json_string_length(text);
	int why = rg_reader_check_text(t, len, &d->byte);
	if (why == RG_SKIP_BINARY) {
		char where[64];
		snprintf(where, sizeof where, "%ld)", d->byte);
		set_skip(d, why, "binary data; skipped (a NUL byte at offset ", where);
		return RG_OK;
	}
	if (why == RG_SKIP_EMPTY) {
		set_skip(d, why, "empty document; skipped", NULL);
		return RG_OK;
	}
	if (max_doc && len > max_doc) {
		set_skip(d, RG_SKIP_TOO_LARGE, "document larger than --max-doc-bytes; skipped",
			 NULL);
		return RG_OK;
	}
	char idbuf[64];
	const char *ids = NULL;
	rg_sb sb = RG_SB_INIT;
	if (json_is_string(id))
		ids = json_string_value(id);
	else if (json_is_integer(id))
		snprintf(idbuf, sizeof idbuf, "%" JSON_INTEGER_FORMAT,
			 json_integer_value(id)), ids = idbuf;
	if (!ids) {
		if (id)
			d->warn |= RG_JW_ID;
		if (rg_sb_addf(&sb, "%s:%ld", file, lineno))
			return RG_ENOMEM;
		ids = sb.buf;
	}
	d->id = rg_strdup(ids);
	rg_sb_release(&sb);
	if (!d->id)
		return RG_ENOMEM;
	d->doc = (rg_doc){ d->id, t, len, NULL, RG_LANG_NONE };
	if (json_is_string(date) && valid_date(json_string_value(date)))
		d->doc.date = json_string_value(date);
	else if (date && !json_is_null(date))
		d->warn |= RG_JW_DATE;
	if (json_is_string(lang)) {
		d->doc.lang = rg_lang_parse(json_string_value(lang));
		if (d->doc.lang == RG_LANG_NONE) {
			d->warn |= RG_JW_LANG;
			d->bad_lang = json_string_value(lang);
		}
	}
	return RG_OK;
}
