// The guided troubleshooter: a playbook's checks as yes/no questions, one at a time, ending in "fixed" or in a
// ticket link that carries the category, the article and the steps tried. The tree is data beside the article.
// The server renders its first question (client:visible hydrates over the same markup, so the article does not
// move); without JavaScript it is hidden (.needs-js) and the article's own steps are the guide. It never
// renders null on the server: Astro would take it for a non-React component and call it outside React to probe
// its other renderers, which logs "Invalid hook call" in `npm run dev`.
import { useEffect, useId, useRef, useState } from 'react';
import { ticketFormUrl } from '../lib/articles/links.ts';
import './Troubleshooter.css';
import { FIXED } from '../lib/troubleshooter/outcomes.ts';
import type { TroubleshooterTree } from '../lib/troubleshooter/schema.ts';
import { mostQuestionsLeft, stepsTaken, walk, type Answer } from '../lib/troubleshooter/walk.ts';

interface Props {
  tree: TroubleshooterTree;
  /** The ticket category the "Open a ticket" link preselects. */
  category: string;
  /** The article id, `<category>/<slug>`. */
  article: string;
}

export default function Troubleshooter({ tree, category, article }: Props) {
  const [answers, setAnswers] = useState<Answer[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus follows the walk only once the customer has answered: never steal it on page load.
  const answered = useRef(false);
  const id = useId();

  useEffect(() => {
    if (answered.current) heading.current?.focus();
  }, [answers]);

  const current = walk(tree, answers);
  const node = current.outcome ? undefined : tree.nodes[current.at];
  const number = current.steps.length + 1;
  const go = (next: Answer[]) => {
    answered.current = true;
    setAnswers(next);
  };

  const progress = current.outcome
    ? `Finished after ${current.steps.length} question${current.steps.length === 1 ? '' : 's'}.`
    : `Question ${number} of at most ${number - 1 + mostQuestionsLeft(tree, current.at)}.`;

  return (
    <section className="troubleshooter needs-js" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Step by step: {tree.title}</h2>
      <p className="meta" role="status" aria-live="polite">
        {progress}
      </p>

      {node && (
        <div role="group" aria-labelledby={`${id}-question`}>
          <h3 id={`${id}-question`} ref={heading} tabIndex={-1}>
            {node.question}
          </h3>
          {node.help && <p>{node.help}</p>}
          <p className="troubleshooter-answers">
            <button type="button" className="button" onClick={() => go([...answers, 'yes'])}>
              Yes
            </button>
            <button type="button" className="button" onClick={() => go([...answers, 'no'])}>
              No
            </button>
          </p>
        </div>
      )}

      {current.outcome === FIXED && (
        <div>
          <h3 ref={heading} tabIndex={-1}>
            Fixed
          </h3>
          <p>{tree.outcomes?.fixed ?? 'Glad that sorted it.'}</p>
        </div>
      )}

      {current.outcome && current.outcome !== FIXED && (
        <div>
          <h3 ref={heading} tabIndex={-1}>
            Open a ticket
          </h3>
          <p>{tree.outcomes?.ticket ?? 'This needs an engineer. Your answers go into the ticket.'}</p>
          <p>
            <a className="button" href={ticketFormUrl({ category, article, tried: stepsTaken(tree, answers) })}>
              Open a ticket with your answers
            </a>
          </p>
        </div>
      )}

      {current.steps.length > 0 && (
        <>
          <p id={`${id}-log`}>
            <strong>What you checked:</strong>
          </p>
          <ol aria-labelledby={`${id}-log`}>
            {current.steps.map((step) => (
              <li key={step.nodeId}>{step.step}</li>
            ))}
          </ol>
          <p className="troubleshooter-nav">
            <button type="button" className="button secondary" onClick={() => go(answers.slice(0, -1))}>
              Back
            </button>
            <button type="button" className="button secondary" onClick={() => go([])}>
              Start over
            </button>
          </p>
        </>
      )}
    </section>
  );
}
