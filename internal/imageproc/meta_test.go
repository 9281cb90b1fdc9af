package imageproc_test

import (
	"testing"
	"time"

	"github.com/bep/imagemeta"

	"folio/internal/imageproc"
	"folio/internal/imageproc/phototest"
)

func TestReadMetaThroughHugosDecoder(t *testing.T) {
	for name, tc := range map[string]struct {
		meta phototest.Meta
		want imageproc.Meta
	}{
		"exif": {
			phototest.Meta{Artist: "张三", Description: "园区一角", Copyright: "青溪区融媒体中心", Orientation: 6, Date: "2021:06:30 09:15:00", Serial: "SN123456", GPS: true},
			imageproc.Meta{Caption: "园区一角", Creator: "张三", Copyright: "青溪区融媒体中心", Orientation: 6},
		},
		"iptc wins the caption, exif the creator": {
			phototest.Meta{Artist: "张三", Description: "园区", Byline: "李四", Caption: "园区一角，摄于建党百年前夕", Credit: "新华社"},
			imageproc.Meta{Caption: "园区一角，摄于建党百年前夕", Creator: "张三", Source: "新华社"},
		},
		"iptc only": {
			phototest.Meta{Byline: "李四", Caption: "厂房"},
			imageproc.Meta{Caption: "厂房", Creator: "李四"},
		},
		// bep/imagemeta reads XMP from the second APP1 segment only when
		// the first is EXIF's, as cameras and editors write them.
		"xmp creator": {
			phototest.Meta{Copyright: "© 青溪区", XMPCreator: "王五"},
			imageproc.Meta{Creator: "王五", Copyright: "© 青溪区"},
		},
		"a camera's own description is no caption": {
			phototest.Meta{Description: "OLYMPUS DIGITAL CAMERA"},
			imageproc.Meta{},
		},
		"none": {phototest.Meta{}, imageproc.Meta{}},
	} {
		got := imageproc.ReadMeta("jpg", phototest.JPEG(16, 8, tc.meta))
		got.Date = time.Time{}
		if got != tc.want {
			t.Errorf("%s: got %+v, want %+v", name, got, tc.want)
		}
	}
	m := imageproc.ReadMeta("jpg", phototest.JPEG(16, 8, phototest.Meta{Date: "2021:06:30 09:15:00"}))
	if m.Date.Format("2006-01-02 15:04") != "2021-06-30 09:15" {
		t.Errorf("date %v", m.Date)
	}
}

// TestVariantsKeepNoMetadata: a photo with a GPS position, a camera serial,
// a photographer and XMP gives variants that hold none of it.
func TestVariantsKeepNoMetadata(t *testing.T) {
	src := phototest.JPEG(64, 32, phototest.Meta{Artist: "张三", Description: "园区一角", Serial: "SN123456", GPS: true, Byline: "张三", XMPCreator: "张三", Date: "2021:06:30 09:15:00"})
	if gps := phototest.Tags(t, src, imagemeta.JPEG); gps["GPSLatitude"] == nil || gps["SerialNumber"] == nil {
		t.Fatalf("test photo lacks GPS or serial: %v", gps)
	}
	p, err := imageproc.New(imageproc.Options{Widths: []int{32, 64}, Quality: 70})
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Process(src)
	if err != nil {
		t.Fatal(err)
	}
	if res.Meta.Creator != "张三" {
		t.Errorf("meta %+v", res.Meta)
	}
	for _, v := range res.Variants {
		phototest.AssertNoMetadata(t, v.Format, v.Data)
	}
}
