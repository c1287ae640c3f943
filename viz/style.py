"""Colours per label, defined once (the page reads them from the graph JSON)."""
from __future__ import annotations

COLOURS = {
    "University": "#1f77b4", "Institute": "#17becf", "Platform": "#9467bd", "TechArea": "#2ca02c",
    "Enterprise": "#ff7f0e", "Cluster": "#d62728", "Segment": "#e377c2", "District": "#8c564b",
    "Organization": "#7f7f7f", "Event": "#bcbd22", "Source": "#c7c7c7",
}
LABELS_ZH = {
    "University": "高校", "Institute": "研究院所", "Platform": "平台", "TechArea": "技术领域",
    "Enterprise": "企业", "Cluster": "产业集群", "Segment": "产业链环节", "District": "区县",
    "Organization": "其他机构", "Event": "合作活动", "Source": "来源",
}
