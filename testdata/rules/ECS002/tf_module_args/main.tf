module "orders" {
  source = "./modules/task"
  name   = "orders"

  github_token = "ghp_R4nd0mT0k3nV4lu3F0rT3st1ngAbCdEf1234"
  environment = {
    APP_ENV     = "production"
    DB_PASSWORD = "orders-db-pass-2024"
  }
}

module "billing" {
  source = "./modules/task"
  name   = "billing"

  github_token = ""
  environment = {
    APP_ENV = "staging"
  }
}
