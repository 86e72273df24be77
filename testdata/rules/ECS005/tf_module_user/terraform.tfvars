app_user     = "1000:1000"
migrate_user = "root"
