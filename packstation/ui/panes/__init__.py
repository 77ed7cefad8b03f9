"""The main window's panes: each builds its widgets and renders the values it is handed."""
