// Print button on the signaleringskaart (no inline handlers because of the CSP).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
