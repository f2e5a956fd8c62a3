"""The Qt user interface: thin views over the domain services."""
