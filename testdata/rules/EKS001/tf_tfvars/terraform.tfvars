public_access_cidrs = [
  "10.20.0.0/16",
  "0.0.0.0/0",
]
