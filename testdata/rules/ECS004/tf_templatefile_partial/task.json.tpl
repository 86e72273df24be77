[
  {
    "name": "app",
    "image": "${image}"
  },
  {
    "name": "pinned",
    "image": "${pinned}"
  },
  {
    "name": "unknown",
    "image": "${other}"
  }
]
