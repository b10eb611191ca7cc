"""大数据碰撞比对: external lists read, normalised and stored encrypted; rules that cross-check
them; hits a person reviews and turns into clues or 底稿 (docs/datacheck.md)."""
