"""The two reading panes and what is drawn in and beside them."""
