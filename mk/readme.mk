# readme.mk - the diagrams shown in README.md's "Diagrams" section, made by
# the program itself from the bundled sample corpus (never drawn by hand):
#   make readme-png   doc/sample.png (the whole graph, light style) and
#                     doc/sample-fa.png (Persian labels, communities)
#   make page-demo    build/sample.html, the interactive page of the samples

.PHONY: readme-png page-demo

README_RENDER = $(BUILD)/relgraph render -q --top 30 \
	--title "relgraph sample corpus: who is named with whom"

readme-png: doc/sample.png doc/sample-fa.png

doc/sample.png: $(BUILD)/relgraph $(wildcard data/samples/*) viz/light.style
	@mkdir -p doc
	$(README_RENDER) -o $@ data/samples

doc/sample-fa.png: $(BUILD)/relgraph $(wildcard data/samples/*) viz/light.style
	@mkdir -p doc
	$(README_RENDER) --label-lang fa --fill community -o $@ data/samples

page-demo: $(BUILD)/relgraph
	$(BUILD)/relgraph render -o $(BUILD)/sample.html data/samples
	@echo "open $(BUILD)/sample.html in a browser (no network needed)"
