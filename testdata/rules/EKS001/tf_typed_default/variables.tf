# A typed list variable's default: converted to list(string) it holds the
# same elements, so the finding points at the element written here (it
# pointed at var.public_access_cidrs in main.tf, since the conversion from
# the written tuple was taken for a change of value).
variable "public_access_cidrs" {
  type = list(string)
  default = [
    "10.20.0.0/16",
    "0.0.0.0/0",
  ]
}

