"""The agency workspace in the Wagtail admin: the queue, the case, its actions, appeal reviews,
intake on behalf and reports. Views parse input, call one service or selector, and render."""
