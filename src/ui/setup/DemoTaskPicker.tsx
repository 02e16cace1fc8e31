// "Load a demo task": fills program, dataset, mapping and metric for the offline demo model, so the
// first run needs no key and no network.
import { useState } from 'react';
import { useSetupStore } from '../../store/setupStore.ts';
import { DEMO_TASKS } from '../../tasks/demos/index.ts';

export function DemoTaskPicker() {
  const loadDemoTask = useSetupStore((s) => s.loadDemoTask);
  const [id, setId] = useState(DEMO_TASKS[0]?.id ?? '');
  const task = DEMO_TASKS.find((t) => t.id === id);
  return (
    <div className="demo-picker">
      <label htmlFor="demo-task">Load a demo task</label>
      <select
        id="demo-task"
        data-testid="demo-task-select"
        value={id}
        title={task?.description}
        onChange={(e) => setId(e.target.value)}
      >
        {DEMO_TASKS.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <button type="button" data-testid="load-demo" onClick={() => loadDemoTask(id)}>
        Load
      </button>
    </div>
  );
}
