// After an answer the page opens at #feedback: move keyboard focus there so the
// feedback is read first and Tab continues to the "next" button.
const feedback = document.getElementById("feedback");
if (feedback && window.location.hash === "#feedback") {
  feedback.focus();
}
