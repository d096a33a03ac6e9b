package structure

// Projection is what the page of one block can read of its document: the
// document's front matter (not its text, nor its length), and a copy of the block
// whose ancestors are copies too, each with its own paragraphs and
// numbering but no children: no other clause's text. A block's page is
// rendered from its projection, and the digest of what it was rendered
// from is its cache key, so an edit of another clause leaves the page as
// it was, and an edit of anything the page could read makes it again.
func (d *Document) Projection(b *Block) (*Document, *Block) {
	head := *d.Document
	head.Paragraphs = nil
	return &Document{Document: &head}, projectBlock(b)
}

// projectBlock copies a block and its ancestors without their children.
func projectBlock(b *Block) *Block {
	if b == nil {
		return nil
	}
	c := *b
	c.Children = nil
	c.Parent = projectBlock(b.Parent)
	return &c
}
