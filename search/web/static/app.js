// A little help where it helps; every page works without it.
// Drag and drop onto the upload box: the dropped files go into the form's file input (the form
// posts them as if chosen with the button), and the box lists what will be uploaded.
document.addEventListener("DOMContentLoaded", () => {
  const zone = document.getElementById("dropzone");
  const input = document.getElementById("file-input");
  const chosen = document.getElementById("chosen-files");
  if (!zone || !input) return;
  const list = () => {
    if (!chosen) return;
    chosen.replaceChildren(...Array.from(input.files, (f) => {
      const item = document.createElement("li");
      item.textContent = f.name;  // text, never markup: file names come from the user's disk
      return item;
    }));
  };
  for (const type of ["dragenter", "dragover"])
    zone.addEventListener(type, (e) => { e.preventDefault(); zone.classList.add("over"); });
  for (const type of ["dragleave", "drop"])
    zone.addEventListener(type, () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) {
      input.files = e.dataTransfer.files;
      list();
    }
  });
  input.addEventListener("change", list);
});
