package shipcheck.aws.container_insights_disabled_test

import data.shipcheck.aws.container_insights_disabled.deny

cluster(spec) := {"kind": "aws.ecs.cluster", "spec": spec}

test_no_settings if {
	ds := deny with input as cluster({"clusterName": "main"})
	count(ds) == 1
	some d in ds
	d.path == []
}

test_disabled_points_at_value if {
	ds := deny with input as cluster({"settings": [{"name": "containerInsights", "value": "disabled"}]})
	some d in ds
	d.path == ["settings", 0, "value"]
	contains(d.msg, "disabled")
}

test_enabled_passes if {
	count(deny) == 0 with input as cluster({"settings": [{"name": "containerInsights", "value": "enabled"}]})
}

test_enhanced_passes if {
	count(deny) == 0 with input as cluster({"settings": [{"name": "containerInsights", "value": "enhanced"}]})
}

test_unknown_value_passes if {
	count(deny) == 0 with input as cluster({"settings": [{"name": "containerInsights", "value": "${var.insights}"}]})
}

test_unknown_settings_passes if {
	count(deny) == 0 with input as cluster({"settings": "${var.settings}"})
}

test_other_setting_only if {
	ds := deny with input as cluster({"settings": [{"name": "other", "value": "x"}]})
	some d in ds
	d.path == ["settings"]
}

test_account_default_covers if {
	count(deny) == 0 with input as cluster({"accountSettingDefaults": [{"name": "containerInsights", "value": "enhanced"}]})
}

test_account_default_disabled if {
	count(deny) == 1 with input as cluster({"accountSettingDefaults": [{"name": "containerInsights", "value": "disabled"}]})
}

test_cluster_setting_overrides_account_default if {
	count(deny) == 1 with input as cluster({
		"settings": [{"name": "containerInsights", "value": "disabled"}],
		"accountSettingDefaults": [{"name": "containerInsights", "value": "enabled"}],
	})
}
