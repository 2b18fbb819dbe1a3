"""The Qt user interface. Thin: it calls the services in the `kbdesk` core."""
