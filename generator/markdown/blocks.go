package markdown

import (
	"fmt"
	"strings"

	"statements/generator/structure"
)

// writeBlock writes a block's paragraphs; a heading block becomes a markdown
// heading whose level follows its depth (part → ##, sec → ###, para → ####).
// depth is the heading level of the page's top blocks.
func writeBlock(b *strings.Builder, blk *structure.Block, depth int) {
	for i, p := range blk.Paragraphs {
		attrs := "#" + p.ID
		if i == 0 && blk.Label != "" {
			attrs += " data-label=" + attrValue(blk.Label)
		}
		if blk.Kind == structure.Conclusions {
			attrs += " .dateline"
		}
		if i == 0 && blk.Heading {
			level := depth + len(blk.Ancestors())
			if level > 6 {
				level = 6
			}
			fmt.Fprintf(b, "%s %s {%s}\n\n", strings.Repeat("#", level), Escape(p.Text), attrs)
			continue
		}
		fmt.Fprintf(b, "%s {%s}\n\n", Escape(p.Text), attrs)
	}
}

// writeBlocks writes blocks and, recursively, their children.
func writeBlocks(b *strings.Builder, blocks []*structure.Block, depth int) {
	for _, blk := range blocks {
		writeBlock(b, blk, depth)
		writeBlocks(b, blk.Children, depth)
	}
}
