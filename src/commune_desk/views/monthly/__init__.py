"""The monthly figures section: the data-entry grid, its model, delegate and comments."""
