/*
 * page.js - the behaviour of relgraph's interactive page (viz/page.html):
 * pan and zoom of the inline SVG, search by actor name in any of the six
 * languages, hover to highlight an actor's partners, click a tie to list its
 * evidence sentences.  Text from articles is only ever set with textContent,
 * never parsed as HTML.  No network access, no external libraries.
 */
(function () {
	"use strict";

	var data = JSON.parse(document.getElementById("relgraph-data").textContent);
	var svg = document.querySelector("#canvas > svg");
	var canvas = document.getElementById("canvas");
	var nodes = {};      /* id -> {d: node data, el: <g>, edges: [edge]} */
	var edges = [];      /* {d: edge data, el: <g>} */
	var byEdgeId = {};
	var selectedEl = null;

	/* ---- text helpers: folding for search, elements with text only ---- */

	/* Case, diacritics and Arabic/Persian letter variants do not matter. */
	function fold(s) {
		return String(s).normalize("NFKD").toLowerCase()
			.replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "")
			.replace(/[\u064a\u0649]/g, "\u06cc")   /* Arabic yeh, alef maksura -> Persian yeh */
			.replace(/\u0643/g, "\u06a9")           /* Arabic kaf -> keheh */
			.replace(/[\u0623\u0625\u0622\u0671]/g, "\u0627")
			.replace(/[\u0629\u06c0]/g, "\u0647")
			.replace(/\u0131/g, "i").replace(/\u0259/g, "e")
			.replace(/[\u200c\u200d]/g, " ").replace(/\s+/g, " ").trim();
	}

	function el(tag, cls, text) {
		var e = document.createElement(tag);
		if (cls)
			e.className = cls;
		if (text !== undefined)
			e.textContent = text;
		return e;
	}

	function clear(e) {
		while (e.firstChild)
			e.removeChild(e.firstChild);
	}

	function fmt(v) {
		if (typeof v !== "number")
			return String(v);
		return Math.abs(v - Math.round(v)) < 1e-9 ? String(Math.round(v)) : v.toPrecision(3);
	}

	/* ---- the model: nodes and edges of the data, tied to the SVG ---- */

	data.nodes.forEach(function (d) {
		d.search = [d.id, d.label].concat(Object.keys(d.names || {}).map(function (k) {
			return d.names[k];
		})).map(fold);
		nodes[d.id] = { d: d, el: document.getElementById("n_" + d.id), edges: [] };
	});
	data.edges.forEach(function (d) {
		var e = { d: d, el: document.getElementById(d.id) };
		if (!nodes[d.a] || !nodes[d.b])
			return;
		edges.push(e);
		byEdgeId[d.id] = e;
		nodes[d.a].edges.push(e);
		nodes[d.b].edges.push(e);
	});

	function label(id) {
		return nodes[id] ? nodes[id].d.label : id;
	}

	/* ---- corpus line ---- */

	(function () {
		var t = data.title || "Relationship diagram";
		var s = data.documents + (data.documents === 1 ? " document" : " documents");
		document.getElementById("title").textContent = t;
		if (data.first_date && data.last_date)
			s += ", " + data.first_date + (data.first_date !== data.last_date ?
				" \u2013 " + data.last_date : "");
		s += "; " + data.nodes.length + " actors, " + data.edges.length + " ties shown";
		document.getElementById("corpus").textContent = s;
	})();

	/* ---- pan and zoom (the SVG's viewBox) ---- */

	var vb0 = svg.viewBox.baseVal;
	var home = { x: vb0.x, y: vb0.y, w: vb0.width, h: vb0.height };
	var view = { x: home.x, y: home.y, w: home.w, h: home.h };
	svg.removeAttribute("width");
	svg.removeAttribute("height");
	svg.setAttribute("preserveAspectRatio", "xMidYMid meet");

	function apply() {
		svg.setAttribute("viewBox", view.x + " " + view.y + " " + view.w + " " + view.h);
	}

	/* The SVG user coordinates of a client (screen) point. */
	function toSvg(cx, cy) {
		var p = svg.createSVGPoint(), m = svg.getScreenCTM();
		p.x = cx;
		p.y = cy;
		return m ? p.matrixTransform(m.inverse()) : p;
	}

	function zoomAt(factor, cx, cy) {
		var p = toSvg(cx, cy);
		var w = Math.min(Math.max(view.w * factor, home.w / 50), home.w * 4);
		var f = w / view.w;
		view.x = p.x - (p.x - view.x) * f;
		view.y = p.y - (p.y - view.y) * f;
		view.w *= f;
		view.h *= f;
		apply();
	}

	function zoomCentre(factor) {
		var r = svg.getBoundingClientRect();
		zoomAt(factor, r.left + r.width / 2, r.top + r.height / 2);
	}

	svg.addEventListener("wheel", function (ev) {
		ev.preventDefault();
		zoomAt(ev.deltaY > 0 ? 1.15 : 1 / 1.15, ev.clientX, ev.clientY);
	}, { passive: false });

	var drag = null;
	svg.addEventListener("pointerdown", function (ev) {
		if (ev.button !== 0)
			return;
		drag = { x: ev.clientX, y: ev.clientY, moved: false, p: toSvg(ev.clientX, ev.clientY) };
	});
	window.addEventListener("pointermove", function (ev) {
		if (!drag)
			return;
		if (!drag.moved && Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) < 4)
			return;
		if (!drag.moved) {
			drag.moved = true;
			canvas.classList.add("panning");
		}
		var p = toSvg(ev.clientX, ev.clientY);
		view.x -= p.x - drag.p.x;
		view.y -= p.y - drag.p.y;
		apply();
	});
	window.addEventListener("pointerup", function () {
		canvas.classList.remove("panning");
		/* a drag is not a click: the click that follows is swallowed */
		if (drag && drag.moved)
			setTimeout(function () { drag = null; }, 0);
		else
			drag = null;
	});
	function dragged() {
		return drag && drag.moved;
	}

	document.getElementById("zoom-in").addEventListener("click", function () {
		zoomCentre(1 / 1.4);
	});
	document.getElementById("zoom-out").addEventListener("click", function () {
		zoomCentre(1.4);
	});
	document.getElementById("zoom-reset").addEventListener("click", function () {
		view = { x: home.x, y: home.y, w: home.w, h: home.h };
		apply();
	});

	/* Centres the view on an element, zooming in if the diagram is large. */
	function centreOn(target) {
		var r = target.getBoundingClientRect();
		var p = toSvg(r.left + r.width / 2, r.top + r.height / 2);
		var w = Math.min(view.w, Math.max(home.w / 3, 400));
		var f = w / view.w;
		view.w *= f;
		view.h *= f;
		view.x = p.x - view.w / 2;
		view.y = p.y - view.h / 2;
		apply();
	}

	/* ---- highlighting ---- */

	function highlight(id) {
		var n = nodes[id];
		if (!n || !n.el)
			return;
		svg.classList.add("dim");
		n.el.classList.add("hl");
		n.edges.forEach(function (e) {
			if (e.el)
				e.el.classList.add("hl");
			var other = nodes[e.d.a === id ? e.d.b : e.d.a];
			if (other.el)
				other.el.classList.add("hl");
		});
	}

	function unhighlight() {
		svg.classList.remove("dim");
		Array.prototype.forEach.call(svg.querySelectorAll(".hl"), function (e) {
			e.classList.remove("hl");
		});
	}

	function select(elem) {
		if (selectedEl)
			selectedEl.classList.remove("selected");
		selectedEl = elem;
		if (elem)
			elem.classList.add("selected");
	}

	/* ---- the panel: an actor, or the evidence of a tie ---- */

	var panelTitle = document.getElementById("panel-title");
	var help = document.getElementById("panel-help");
	var info = document.getElementById("actor-info");
	var list = document.getElementById("evidence");

	function row(k, v) {
		info.appendChild(el("dt", null, k));
		info.appendChild(el("dd", null, v));
	}

	function showActor(id) {
		var n = nodes[id], d = n.d, langs = Object.keys(d.names || {});
		select(n.el);
		help.hidden = true;
		panelTitle.textContent = d.label;
		clear(info);
		clear(list);
		info.hidden = false;
		row("id", d.id);
		row("type", d.type);
		langs.forEach(function (l) { row("name (" + l + ")", d.names[l]); });
		if (d.community !== undefined)
			row("community", String(d.community));
		row("mentions", String(d.mentions));
		["degree", "strength", "betweenness", "closeness", "pagerank"].forEach(function (k) {
			if (d.metrics && d.metrics[k] !== undefined)
				row(k, fmt(d.metrics[k]));
		});
		n.edges.slice().sort(function (x, y) { return y.d.weight - x.d.weight; })
			.forEach(function (e) {
				var li = el("li", "partner");
				var b = el("button", null, label(e.d.a === id ? e.d.b : e.d.a) +
					" (" + fmt(e.d.weight) + ")");
				b.type = "button";
				b.addEventListener("click", function () { showEdge(e); });
				li.appendChild(b);
				list.appendChild(li);
			});
	}

	function showEdge(e) {
		var d = e.d;
		select(e.el);
		help.hidden = true;
		info.hidden = true;
		clear(info);
		clear(list);
		panelTitle.textContent = label(d.a) + " \u2013 " + label(d.b) + ": " + fmt(d.weight) +
			(d.weight === 1 ? " co-mention" : " co-mentions") + " in " + d.docs +
			(d.docs === 1 ? " document" : " documents");
		if (!d.evidence.length)
			list.appendChild(el("li", "none", data.evidence_kept ?
				"No sentence was kept for this tie." :
				"This page was written without evidence."));
		d.evidence.forEach(function (v) {
			var li = el("li", "sentence");
			var meta = v.doc + (v.date ? " \u00b7 " + v.date : "") +
				" \u00b7 paragraph " + v.para + ", sentence " + v.sent;
			li.appendChild(el("span", "meta", meta));
			li.appendChild(el("p", "text", v.text));
			list.appendChild(li);
		});
	}

	/* ---- wiring the SVG ---- */

	Object.keys(nodes).forEach(function (id) {
		var n = nodes[id];
		if (!n.el)
			return;
		n.el.addEventListener("mouseenter", function () { highlight(id); });
		n.el.addEventListener("mouseleave", unhighlight);
		n.el.addEventListener("click", function () {
			if (!dragged())
				showActor(id);
		});
	});
	edges.forEach(function (e) {
		if (!e.el)
			return;
		/* a wide transparent copy of the line makes thin ties easy to click */
		var path = e.el.querySelector("path");
		if (path) {
			var hit = path.cloneNode(false);
			hit.removeAttribute("id");
			hit.setAttribute("class", "hit");
			path.parentNode.appendChild(hit);
		}
		e.el.addEventListener("click", function () {
			if (!dragged())
				showEdge(e);
		});
	});

	/* ---- search ---- */

	var input = document.getElementById("search");
	var results = document.getElementById("results");

	function matches(q) {
		var f = fold(q);
		if (!f)
			return [];
		return data.nodes.filter(function (d) {
			return d.search.some(function (s) { return s.indexOf(f) >= 0; });
		});
	}

	function choose(d) {
		var n = nodes[d.id];
		if (n.el)
			centreOn(n.el);
		showActor(d.id);
	}

	input.addEventListener("input", function () {
		var hits = matches(input.value);
		clear(results);
		Array.prototype.forEach.call(svg.querySelectorAll(".node.match"), function (e) {
			e.classList.remove("match");
		});
		hits.slice(0, 30).forEach(function (d) {
			var li = el("li"), b = el("button", null, d.label);
			b.type = "button";
			b.dataset.id = d.id;
			b.addEventListener("click", function () { choose(d); });
			li.appendChild(b);
			results.appendChild(li);
			if (nodes[d.id].el)
				nodes[d.id].el.classList.add("match");
		});
		if (input.value && !hits.length)
			results.appendChild(el("li", "none", "no actor matches"));
	});
	document.getElementById("search-form").addEventListener("submit", function (ev) {
		ev.preventDefault();
		var hits = matches(input.value);
		if (hits.length)
			choose(hits[0]);
	});

	/* for tests and the console: the page's state, read-only */
	window.relgraphPage = { nodes: data.nodes.length, edges: edges.length, fold: fold };
})();
