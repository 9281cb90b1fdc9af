// 复制到公众号: puts the article's fragment on the clipboard as rich
// text (text/html) with a plain-text fallback, for pasting into the
// 公众号 editor. The fragment is the <template data-wechat> of the page,
// exactly; what the page shows is the same with images from the local
// build.
(function () {
  "use strict";
  var button = document.querySelector("[data-wechat-copy]");
  var status = document.querySelector("[data-wechat-status]");
  var source = document.querySelector("template[data-wechat]");
  var plain = document.querySelector("template[data-wechat-text]");
  if (!button || !source) return;
  var html = source.innerHTML;
  var text = plain ? plain.content.textContent : "";

  function say(message) {
    if (status) status.textContent = message;
  }

  // The copy event writes both types exactly where the asynchronous
  // clipboard API is missing (older browsers, WeChat's own).
  function copyByEvent() {
    var done = false;
    function onCopy(event) {
      event.clipboardData.setData("text/html", html);
      event.clipboardData.setData("text/plain", text);
      event.preventDefault();
      done = true;
    }
    document.addEventListener("copy", onCopy);
    try {
      document.execCommand("copy");
    } finally {
      document.removeEventListener("copy", onCopy);
    }
    return done;
  }

  button.addEventListener("click", function () {
    if (window.ClipboardItem && navigator.clipboard && navigator.clipboard.write) {
      var item = new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" })
      });
      navigator.clipboard.write([item]).then(function () {
        say(button.getAttribute("data-done"));
      }, function () {
        say(copyByEvent() ? button.getAttribute("data-done") : button.getAttribute("data-failed"));
      });
      return;
    }
    say(copyByEvent() ? button.getAttribute("data-done") : button.getAttribute("data-failed"));
  });
})();
