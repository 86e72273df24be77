package shipcheck.lib.dockerfile_test

import data.shipcheck.lib.dockerfile as df

test_flag_takes_the_last_value if {
	df.flag({"flags": [{"name": "mount", "value": "a"}, {"name": "from", "value": "x"}, {"name": "mount", "value": "b"}]}, "mount") == "b"
}

test_flag_absent_is_undefined if {
	not df.flag({"flags": []}, "from")
}

test_has_option_short_group_and_long if {
	df.has_option(["curl", "-fsSLk", "u"], "k", "--insecure")
	df.has_option(["curl", "--insecure", "u"], "k", "--insecure")
	df.has_option(["pip", "--trusted-host=x"], "t", "--trusted-host")
	not df.has_option(["curl", "-o", "/tmp/kubectl"], "k", "--insecure")
	not df.has_option(["curl", "--keepalive-time", "5"], "k", "--insecure")
}

test_root_user if {
	df.root_user("root")
	df.root_user("0")
	df.root_user("root:root")
	df.root_user("0:1000")
	not df.root_user("rootless")
	not df.root_user("1000:0")
	not df.root_user("$USER")
}

test_options_hidden if {
	df.options_hidden({"argv": ["apt-get", "install", "$OPTS", "curl"]})
	not df.options_hidden({"argv": ["apt-get", "install", "curl"]})
}

test_stage_label if {
	df.stage_label({"name": "build", "line": 3, "index": 0}) == `stage "build" (line 3)`
	df.stage_label({"name": "", "line": 7, "index": 1}) == "stage #2 (line 7)"
}
