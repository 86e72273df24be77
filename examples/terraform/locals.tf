locals {
  name = "checkout-${var.environment}"

  common_environment = [
    { name = "APP_ENV", value = var.environment },
    { name = "LOG_LEVEL", value = "info" },
  ]
}
