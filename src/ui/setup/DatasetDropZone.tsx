// Drop a file or pick one: the text is read in the page and parsed by the setup store, which keeps the
// previous data when the new file is malformed.
import { useState } from 'react';
import type { DragEvent } from 'react';
import { useSetupStore } from '../../store/setupStore.ts';

const ACCEPT = '.jsonl,.ndjson,.csv,.json';

export function DatasetDropZone() {
  const loadDatasetText = useSetupStore((s) => s.loadDatasetText);
  const fileName = useSetupStore((s) => s.dataset.fileName);
  const [over, setOver] = useState(false);
  const [reading, setReading] = useState(false);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setReading(true);
    try {
      loadDatasetText(file.name, await file.text());
    } finally {
      setReading(false);
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void read(e.dataTransfer.files[0]);
  };

  return (
    <label
      className={`drop-zone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <input
        data-testid="dataset-file-input"
        type="file"
        accept={ACCEPT}
        className="visually-hidden"
        onChange={(e) => {
          void read(e.target.files?.[0]);
          // picking the same file again (after fixing it) must fire another change
          e.target.value = '';
        }}
      />
      <span className="drop-title">
        {reading ? 'Reading…' : fileName ? `Replace ${fileName}` : 'Drop a dataset file here'}
      </span>
      <span className="drop-sub">
        or <span className="link">choose a file</span> — JSONL, CSV or a JSON array, one example per row. It stays in
        this browser.
      </span>
    </label>
  );
}
