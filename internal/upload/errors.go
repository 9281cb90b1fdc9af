package upload

import (
	"context"
	"errors"
	"net"
	"net/url"
	"strings"

	"github.com/aws/smithy-go"
	"gocloud.dev/gcerrors"

	"folio/internal/msg"
)

// explain turns what the storage answered into one sentence with a fix,
// not a stack of SDK errors.
func explain(rawURL string, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err // stopped (Ctrl-C): nothing to explain
	}
	var api smithy.APIError
	code := ""
	if errors.As(err, &api) {
		code = api.ErrorCode()
	}
	var netErr *net.OpError
	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &dnsErr), errors.As(err, &netErr):
		return msg.Errorf("cannot reach the storage at %s: check endpoint= in the bucket URL and the network", endpointOf(rawURL))
	case code == "NoSuchBucket":
		return missingBucket(rawURL)
	case code == "InvalidAccessKeyId" || code == "SignatureDoesNotMatch" || code == "InvalidToken" || code == "ExpiredToken" ||
		code == "AccessDenied" || gcerrors.Code(err) == gcerrors.PermissionDenied:
		return msg.Errorf("the storage at %s refused the credentials (%s): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the profile in ~/.aws/credentials, and that the key may write to bucket %s", endpointOf(rawURL), orUnknown(code), bucketName(rawURL))
	case code == "QuotaExceeded" || code == "InsufficientStorage" || code == "StorageFull" || code == "XMinioStorageFull" || code == "EntityTooLarge" ||
		strings.Contains(err.Error(), "StatusCode: 507") || gcerrors.Code(err) == gcerrors.ResourceExhausted:
		return msg.Errorf("bucket %s is full (%s): free space or raise its quota, then deploy again (the objects already stored stay; the next deploy uploads the rest)", bucketName(rawURL), orUnknown(code))
	}
	return msg.Errorf("the storage at %s answered: %v", endpointOf(rawURL), err)
}

func missingBucket(rawURL string) error {
	return msg.Errorf("bucket %s does not exist at %s: create it in the storage's console (or with its command-line tool), then deploy again", bucketName(rawURL), endpointOf(rawURL))
}

func orUnknown(code string) string {
	if code == "" {
		return "no error code"
	}
	return code
}

func bucketName(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		return u.Host
	}
	return raw
}

// endpointOf names where the storage is: the URL's endpoint=, else the
// provider's default for its region.
func endpointOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	if e := u.Query().Get("endpoint"); e != "" {
		return e
	}
	if r := u.Query().Get("region"); r != "" {
		return "AWS S3 (" + r + ")"
	}
	return "AWS S3"
}
