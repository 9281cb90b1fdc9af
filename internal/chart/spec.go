// Package chart draws the publication's charts as inline SVG at build time:
// no JavaScript, deterministic bytes, readable by screen readers (role img,
// title and a description that states the trend in words), styled by the
// page's CSS so they follow the light and dark schemes and print in grey.
package chart

// Kind is the type of chart.
type Kind string

const (
	Line      Kind = "line"      // one or more series over periods
	Bar       Kind = "bar"       // one series over periods, or the latest values of several indicators
	Rank      Kind = "rank"      // a ranking over periods; the axis runs so that better is up
	Sparkline Kind = "sparkline" // a small line without axes, for key-figure panels
)

// Kinds lists the chart types, for messages.
var Kinds = []Kind{Line, Bar, Rank, Sparkline}

// Point is one value of a series.
type Point struct {
	Label   string  // the period as running text writes it: 2020年, 2021年1—5月
	Value   float64 // the number plotted
	Display string  // the formatted value: 5.3%, 第88位, 2,600余人次
}

// Series is one line or one set of bars.
type Series struct {
	Name   string // the indicator's label
	Points []Point
}

// Spec is everything a chart needs.
type Spec struct {
	Kind   Kind
	ID     string // unique within the page; prefixes the SVG's element ids
	Title  string // the chart's title, also the SVG <title>
	Series []Series
	// For ranks: Of is how many were ranked (0 if unknown); LowerIsBetter
	// puts rank 1 at the top.
	Of            int
	LowerIsBetter bool
	// Unit is the indicator's unit (percent, count, rank, hour, star, yuan),
	// for axis tick labels.
	Unit string
}
