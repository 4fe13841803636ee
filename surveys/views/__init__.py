"""Views split by responsibility: public answering, the office's pages, Excel exports."""
