package main

import (
	"encoding/json"
	"os"

	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/model/labels"
	"github.com/prometheus/prometheus/model/relabel"
)

type rule struct {
	SourceLabels []string `json:"source_labels"`
	Separator    string   `json:"separator"`
	Regex        string   `json:"regex"`
	Modulus      uint64   `json:"modulus"`
	TargetLabel  string   `json:"target_label"`
	Replacement  string   `json:"replacement"`
	Action       string   `json:"action"`
}

type out struct {
	Input  map[string]string `json:"input"`
	Rules  []rule            `json:"rules"`
	Output map[string]string `json:"output"`
	Drop   bool              `json:"drop"`
}

func main() {
	tests := []struct {
		input   labels.Labels
		relabel []*relabel.Config
		output  labels.Labels
		drop    bool
	}{
		{
			input: labels.FromMap(map[string]string{
				"a": "foo",
				"b": "bar",
				"c": "baz",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp("f(.*)"),
					TargetLabel:  "d",
					Separator:    ";",
					Replacement:  "ch${1}-ch${1}",
					Action:       relabel.Replace,
				},
			},
			output: labels.FromMap(map[string]string{
				"a": "foo",
				"b": "bar",
				"c": "baz",
				"d": "choo-choo",
			}),
		},
		{
			input: labels.FromMap(map[string]string{
				"a": "foo",
				"b": "bar",
				"c": "baz",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"a", "b"},
					Regex:        relabel.MustNewRegexp("f(.*);(.*)r"),
					TargetLabel:  "a",
					Separator:    ";",
					Replacement:  "b${1}${2}m", // boobam
					Action:       relabel.Replace,
				},
				{
					SourceLabels: model.LabelNames{"c", "a"},
					Regex:        relabel.MustNewRegexp("(b).*b(.*)ba(.*)"),
					TargetLabel:  "d",
					Separator:    ";",
					Replacement:  "$1$2$2$3",
					Action:       relabel.Replace,
				},
			},
			output: labels.FromMap(map[string]string{
				"a": "boobam",
				"b": "bar",
				"c": "baz",
				"d": "boooom",
			}),
		},
		{
			input: labels.FromMap(map[string]string{
				"a": "foo",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp(".*o.*"),
					Action:       relabel.Drop,
				}, {
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp("f(.*)"),
					TargetLabel:  "d",
					Separator:    ";",
					Replacement:  "ch$1-ch$1",
					Action:       relabel.Replace,
				},
			},
			drop: true,
		},
		{
			input: labels.FromMap(map[string]string{
				"a": "foo",
				"b": "bar",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp(".*o.*"),
					Action:       relabel.Drop,
				},
			},
			drop: true,
		},
		{
			input: labels.FromMap(map[string]string{
				"a": "abc",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp(".*(b).*"),
					TargetLabel:  "d",
					Separator:    ";",
					Replacement:  "$1",
					Action:       relabel.Replace,
				},
			},
			output: labels.FromMap(map[string]string{
				"a": "abc",
				"d": "b",
			}),
		},
		{
			input: labels.FromMap(map[string]string{
				"a": "foo",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp("no-match"),
					Action:       relabel.Drop,
				},
			},
			output: labels.FromMap(map[string]string{
				"a": "foo",
			}),
		},
		{
			input: labels.FromMap(map[string]string{
				"a": "foo",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp("f|o"),
					Action:       relabel.Drop,
				},
			},
			output: labels.FromMap(map[string]string{
				"a": "foo",
			}),
		},
		{
			input: labels.FromMap(map[string]string{
				"a": "foo",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp("no-match"),
					Action:       relabel.Keep,
				},
			},
			drop: true,
		},
		{
			input: labels.FromMap(map[string]string{
				"a": "foo",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp("f.*"),
					Action:       relabel.Keep,
				},
			},
			output: labels.FromMap(map[string]string{
				"a": "foo",
			}),
		},
		{
			// No replacement must be applied if there is no match.
			input: labels.FromMap(map[string]string{
				"a": "boo",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp("f"),
					TargetLabel:  "b",
					Replacement:  "bar",
					Action:       relabel.Replace,
				},
			},
			output: labels.FromMap(map[string]string{
				"a": "boo",
			}),
		},
		{
			// Blank replacement should delete the label.
			input: labels.FromMap(map[string]string{
				"a": "foo",
				"f": "baz",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp("(f).*"),
					TargetLabel:  "$1",
					Replacement:  "$2",
					Action:       relabel.Replace,
				},
			},
			output: labels.FromMap(map[string]string{
				"a": "foo",
			}),
		},
		{
			input: labels.FromMap(map[string]string{
				"a": "foo",
				"b": "bar",
				"c": "baz",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"c"},
					TargetLabel:  "d",
					Separator:    ";",
					Action:       relabel.HashMod,
					Modulus:      1000,
				},
			},
			output: labels.FromMap(map[string]string{
				"a": "foo",
				"b": "bar",
				"c": "baz",
				"d": "976",
			}),
		},
		{
			input: labels.FromMap(map[string]string{
				"a": "foo\nbar",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"a"},
					TargetLabel:  "b",
					Separator:    ";",
					Action:       relabel.HashMod,
					Modulus:      1000,
				},
			},
			output: labels.FromMap(map[string]string{
				"a": "foo\nbar",
				"b": "734",
			}),
		},
		{
			input: labels.FromMap(map[string]string{
				"a":  "foo",
				"b1": "bar",
				"b2": "baz",
			}),
			relabel: []*relabel.Config{
				{
					Regex:       relabel.MustNewRegexp("(b.*)"),
					Replacement: "bar_${1}",
					Action:      relabel.LabelMap,
				},
			},
			output: labels.FromMap(map[string]string{
				"a":      "foo",
				"b1":     "bar",
				"b2":     "baz",
				"bar_b1": "bar",
				"bar_b2": "baz",
			}),
		},
		{
			input: labels.FromMap(map[string]string{
				"a":             "foo",
				"__meta_my_bar": "aaa",
				"__meta_my_baz": "bbb",
				"__meta_other":  "ccc",
			}),
			relabel: []*relabel.Config{
				{
					Regex:       relabel.MustNewRegexp("__meta_(my.*)"),
					Replacement: "${1}",
					Action:      relabel.LabelMap,
				},
			},
			output: labels.FromMap(map[string]string{
				"a":             "foo",
				"__meta_my_bar": "aaa",
				"__meta_my_baz": "bbb",
				"__meta_other":  "ccc",
				"my_bar":        "aaa",
				"my_baz":        "bbb",
			}),
		},
		{ // valid case
			input: labels.FromMap(map[string]string{
				"a": "some-name-value",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp("some-([^-]+)-([^,]+)"),
					Action:       relabel.Replace,
					Replacement:  "${2}",
					TargetLabel:  "${1}",
				},
			},
			output: labels.FromMap(map[string]string{
				"a":    "some-name-value",
				"name": "value",
			}),
		},
		{ // invalid replacement ""
			input: labels.FromMap(map[string]string{
				"a": "some-name-value",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp("some-([^-]+)-([^,]+)"),
					Action:       relabel.Replace,
					Replacement:  "${3}",
					TargetLabel:  "${1}",
				},
			},
			output: labels.FromMap(map[string]string{
				"a": "some-name-value",
			}),
		},
		{ // invalid target_labels
			input: labels.FromMap(map[string]string{
				"a": "some-name-0",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp("some-([^-]+)-([^,]+)"),
					Action:       relabel.Replace,
					Replacement:  "${1}",
					TargetLabel:  "${3}",
				},
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp("some-([^-]+)-([^,]+)"),
					Action:       relabel.Replace,
					Replacement:  "${1}",
					TargetLabel:  "${3}",
				},
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp("some-([^-]+)(-[^,]+)"),
					Action:       relabel.Replace,
					Replacement:  "${1}",
					TargetLabel:  "${3}",
				},
			},
			output: labels.FromMap(map[string]string{
				"a": "some-name-0",
			}),
		},
		{ // more complex real-life like usecase
			input: labels.FromMap(map[string]string{
				"__meta_sd_tags": "path:/secret,job:some-job,label:foo=bar",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"__meta_sd_tags"},
					Regex:        relabel.MustNewRegexp("(?:.+,|^)path:(/[^,]+).*"),
					Action:       relabel.Replace,
					Replacement:  "${1}",
					TargetLabel:  "__metrics_path__",
				},
				{
					SourceLabels: model.LabelNames{"__meta_sd_tags"},
					Regex:        relabel.MustNewRegexp("(?:.+,|^)job:([^,]+).*"),
					Action:       relabel.Replace,
					Replacement:  "${1}",
					TargetLabel:  "job",
				},
				{
					SourceLabels: model.LabelNames{"__meta_sd_tags"},
					Regex:        relabel.MustNewRegexp("(?:.+,|^)label:([^=]+)=([^,]+).*"),
					Action:       relabel.Replace,
					Replacement:  "${2}",
					TargetLabel:  "${1}",
				},
			},
			output: labels.FromMap(map[string]string{
				"__meta_sd_tags":   "path:/secret,job:some-job,label:foo=bar",
				"__metrics_path__": "/secret",
				"job":              "some-job",
				"foo":              "bar",
			}),
		},
		{ // From https://github.com/prometheus/prometheus/issues/12283
			input: labels.FromMap(map[string]string{
				"__meta_kubernetes_pod_container_port_name":         "foo",
				"__meta_kubernetes_pod_annotation_XXX_metrics_port": "9091",
			}),
			relabel: []*relabel.Config{
				{
					Regex:  relabel.MustNewRegexp("^__meta_kubernetes_pod_container_port_name$"),
					Action: relabel.LabelDrop,
				},
				{
					SourceLabels: model.LabelNames{"__meta_kubernetes_pod_annotation_XXX_metrics_port"},
					Regex:        relabel.MustNewRegexp("(.+)"),
					Action:       relabel.Replace,
					Replacement:  "metrics",
					TargetLabel:  "__meta_kubernetes_pod_container_port_name",
				},
				{
					SourceLabels: model.LabelNames{"__meta_kubernetes_pod_container_port_name"},
					Regex:        relabel.MustNewRegexp("^metrics$"),
					Action:       relabel.Keep,
				},
			},
			output: labels.FromMap(map[string]string{
				"__meta_kubernetes_pod_annotation_XXX_metrics_port": "9091",
				"__meta_kubernetes_pod_container_port_name":         "metrics",
			}),
		},
		{
			input: labels.FromMap(map[string]string{
				"a":  "foo",
				"b1": "bar",
				"b2": "baz",
			}),
			relabel: []*relabel.Config{
				{
					Regex:  relabel.MustNewRegexp("(b.*)"),
					Action: relabel.LabelKeep,
				},
			},
			output: labels.FromMap(map[string]string{
				"b1": "bar",
				"b2": "baz",
			}),
		},
		{
			input: labels.FromMap(map[string]string{
				"a":  "foo",
				"b1": "bar",
				"b2": "baz",
			}),
			relabel: []*relabel.Config{
				{
					Regex:  relabel.MustNewRegexp("(b.*)"),
					Action: relabel.LabelDrop,
				},
			},
			output: labels.FromMap(map[string]string{
				"a": "foo",
			}),
		},
		{
			input: labels.FromMap(map[string]string{
				"foo": "bAr123Foo",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"foo"},
					Action:       relabel.Uppercase,
					TargetLabel:  "foo_uppercase",
				},
				{
					SourceLabels: model.LabelNames{"foo"},
					Action:       relabel.Lowercase,
					TargetLabel:  "foo_lowercase",
				},
			},
			output: labels.FromMap(map[string]string{
				"foo":           "bAr123Foo",
				"foo_lowercase": "bar123foo",
				"foo_uppercase": "BAR123FOO",
			}),
		},
		{
			input: labels.FromMap(map[string]string{
				"__tmp_port": "1234",
				"__port1":    "1234",
				"__port2":    "5678",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"__tmp_port"},
					Action:       relabel.KeepEqual,
					TargetLabel:  "__port1",
				},
			},
			output: labels.FromMap(map[string]string{
				"__tmp_port": "1234",
				"__port1":    "1234",
				"__port2":    "5678",
			}),
		},
		{
			input: labels.FromMap(map[string]string{
				"__tmp_port": "1234",
				"__port1":    "1234",
				"__port2":    "5678",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"__tmp_port"},
					Action:       relabel.DropEqual,
					TargetLabel:  "__port1",
				},
			},
			drop: true,
		},
		{
			input: labels.FromMap(map[string]string{
				"__tmp_port": "1234",
				"__port1":    "1234",
				"__port2":    "5678",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"__tmp_port"},
					Action:       relabel.DropEqual,
					TargetLabel:  "__port2",
				},
			},
			output: labels.FromMap(map[string]string{
				"__tmp_port": "1234",
				"__port1":    "1234",
				"__port2":    "5678",
			}),
		},
		{
			input: labels.FromMap(map[string]string{
				"__tmp_port": "1234",
				"__port1":    "1234",
				"__port2":    "5678",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"__tmp_port"},
					Action:       relabel.KeepEqual,
					TargetLabel:  "__port2",
				},
			},
			drop: true,
		},
		{
			input: labels.FromMap(map[string]string{
				"a": "line1\nline2",
				"b": "bar",
				"c": "baz",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp("line1.*line2"),
					TargetLabel:  "d",
					Separator:    ";",
					Replacement:  "match${1}",
					Action:       relabel.Replace,
				},
			},
			output: labels.FromMap(map[string]string{
				"a": "line1\nline2",
				"b": "bar",
				"c": "baz",
				"d": "match",
			}),
		},
		{ // Replace on source label with UTF-8 characters.
			input: labels.FromMap(map[string]string{
				"utf-8.label": "line1\nline2",
				"b":           "bar",
				"c":           "baz",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"utf-8.label"},
					Regex:        relabel.MustNewRegexp("line1.*line2"),
					TargetLabel:  "d",
					Separator:    ";",
					Replacement:  `match${1}`,
					Action:       relabel.Replace,
				},
			},
			output: labels.FromMap(map[string]string{
				"utf-8.label": "line1\nline2",
				"b":           "bar",
				"c":           "baz",
				"d":           "match",
			}),
		},
		{ // Replace targetLabel with UTF-8 characters.
			input: labels.FromMap(map[string]string{
				"a": "line1\nline2",
				"b": "bar",
				"c": "baz",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp("line1.*line2"),
					TargetLabel:  "utf-8.label",
					Separator:    ";",
					Replacement:  `match${1}`,
					Action:       relabel.Replace,
				},
			},
			output: labels.FromMap(map[string]string{
				"a":           "line1\nline2",
				"b":           "bar",
				"c":           "baz",
				"utf-8.label": "match",
			}),
		},
		{ // Replace targetLabel with UTF-8 characters and $variable.
			input: labels.FromMap(map[string]string{
				"a": "line1\nline2",
				"b": "bar",
				"c": "baz",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp("line1.*line2"),
					TargetLabel:  "utf-8.label${1}",
					Separator:    ";",
					Replacement:  "match${1}",
					Action:       relabel.Replace,
				},
			},
			output: labels.FromMap(map[string]string{
				"a":           "line1\nline2",
				"b":           "bar",
				"c":           "baz",
				"utf-8.label": "match",
			}),
		},
		{ // Replace targetLabel with UTF-8 characters and various $var styles.
			input: labels.FromMap(map[string]string{
				"a": "line1\nline2",
				"b": "bar",
				"c": "baz",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp("(line1).*(?<second>line2)"),
					TargetLabel:  "label1_${1}",
					Separator:    ";",
					Replacement:  "val_${second}",
					Action:       relabel.Replace,
				},
				{
					SourceLabels: model.LabelNames{"a"},
					Regex:        relabel.MustNewRegexp("(line1).*(?<second>line2)"),
					TargetLabel:  "label2_$1",
					Separator:    ";",
					Replacement:  "val_$second",
					Action:       relabel.Replace,
				},
			},
			output: labels.FromMap(map[string]string{
				"a":            "line1\nline2",
				"b":            "bar",
				"c":            "baz",
				"label1_line1": "val_line2",
				"label2_line1": "val_line2",
			}),
		},
		{
			input: labels.FromMap(map[string]string{
				"__name__": "http_requests_total",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"__name__"},
					Regex:        relabel.MustNewRegexp(".*_total$"),
					TargetLabel:  "__type__",
					Replacement:  "counter",
					Action:       relabel.Replace,
				},
			},
			output: labels.FromMap(map[string]string{
				"__name__": "http_requests_total",
				"__type__": "counter",
			}),
		},
		{
			input: labels.FromMap(map[string]string{
				"__name__": "disk_usage_bytes",
			}),
			relabel: []*relabel.Config{
				{
					SourceLabels: model.LabelNames{"__name__"},
					Regex:        relabel.MustNewRegexp(".*_bytes$"),
					TargetLabel:  "__unit__",
					Replacement:  "bytes",
					Action:       relabel.Replace,
				},
			},
			output: labels.FromMap(map[string]string{
				"__name__": "disk_usage_bytes",
				"__unit__": "bytes",
			}),
		},
	}
	var res []out
	for _, test := range tests {
		var rules []rule
		for _, cfg := range test.relabel {
			if cfg.Action == "" { cfg.Action = relabel.DefaultRelabelConfig.Action }
			if cfg.Separator == "" { cfg.Separator = relabel.DefaultRelabelConfig.Separator }
			if cfg.Regex.Regexp == nil || cfg.Regex.String() == "" { cfg.Regex = relabel.DefaultRelabelConfig.Regex }
			if cfg.Replacement == "" { cfg.Replacement = relabel.DefaultRelabelConfig.Replacement }
			cfg.NameValidationScheme = model.UTF8Validation
			var src []string
			for _, l := range cfg.SourceLabels { src = append(src, string(l)) }
			rules = append(rules, rule{src, cfg.Separator, cfg.Regex.String(), cfg.Modulus, cfg.TargetLabel, cfg.Replacement, string(cfg.Action)})
		}
		o := out{Input: test.input.Map(), Rules: rules, Drop: test.drop}
		lb := labels.NewBuilder(test.input)
		keep := relabel.ProcessBuilder(lb, test.relabel...)
		if keep != !test.drop { panic("mismatch") }
		if keep { o.Output = lb.Labels().Map() }
		res = append(res, o)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	enc.Encode(res)
}
