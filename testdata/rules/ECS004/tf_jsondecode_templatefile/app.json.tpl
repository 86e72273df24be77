[
  {
    "name": "app",
    "image": "example/app:${tag}"
  }
]
