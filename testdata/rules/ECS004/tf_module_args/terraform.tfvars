worker_image = "example/worker:latest"
