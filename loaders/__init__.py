"""The records step: source files in, validated NodeRecord/EdgeRecord out. Pure: no store."""
