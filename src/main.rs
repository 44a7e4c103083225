fn main() {
    // Before anything is split: every boundary from then on is the browser's.
    article_annotator::dom::segment::install();
    yew::Renderer::<article_annotator::App>::new().render();
}
