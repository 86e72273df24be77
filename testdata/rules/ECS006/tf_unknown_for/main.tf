# %{for} directives over collections that are unknown: the environment
# entries and docker labels they add claim nothing, and the rest of the
# container is still checked (it was not: the heredoc was ERR002). The
# loop's own separator (%{if i < length(...) - 1},%{endif}) is dropped,
# since one unknown element stands for all of its iterations.
variable "environment" {
  type = list(object({ name = string, value = string }))
}

variable "labels" {
  type = map(string)
}

resource "aws_ecs_task_definition" "looped" {
  family       = "looped"
  network_mode = "awsvpc"
  container_definitions = <<EOF
[
  {
    "name": "agent",
    "image": "example/agent:1.4.2",
    "privileged": true,
    "environment": [
      %{for i, e in var.environment~}
      {"name": "${e.name}", "value": "${e.value}"}%{if i < length(var.environment) - 1},%{endif}
      %{endfor~}
    ],
    "dockerLabels": {
      %{for k, v in var.labels~}
      "${k}": "${v}",
      %{endfor~}
      "team": "platform"
    }
  }
]
EOF
}

# Members whose names are unknown, written in the container itself, may be
# any field (even "privileged": false): the document is not checked.
resource "aws_ecs_task_definition" "unknown_members" {
  family       = "unknown-members"
  network_mode = "awsvpc"
  container_definitions = <<EOF
[
  {
    "name": "agent",
    "image": "example/agent:1.4.2",
    %{for k, v in var.labels~}
    "${k}": ${v},
    %{endfor~}
    "privileged": true
  }
]
EOF
}
