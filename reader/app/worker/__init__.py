"""The comparison process and the window's link to it: requests in, results out, newest wins."""
