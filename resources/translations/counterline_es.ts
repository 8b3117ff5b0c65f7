<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../ui/common/accessibility.py" line="+41" />
        <source>%1 (over maximum)</source>
        <translation>%1 (supera el máximo)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 (over target)</source>
        <translation>%1 (supera el objetivo)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Keyboard shortcut: %1</source>
        <translation>Atajo de teclado: %1</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <location filename="../../ui/supervisor/alerts.py" line="+40" />
        <source>%1: %2 waiting past the target; longest %3 for %4 min</source>
        <translation>%1: %2 esperando más del objetivo; el más largo %3 lleva %4 min</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1: %2 waiting, %3 counter(s) open, %4 paused</source>
        <translation>%1: %2 esperando, %3 ventanilla(s) abierta(s), %4 en pausa</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Critical</source>
        <translation>Crítica</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No alerts: the queue is within its targets</source>
        <translation>Sin alertas: la cola está dentro de sus objetivos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Alerts that hold now, critical first</source>
        <translation>Alertas vigentes, primero las críticas</translation>
    </message>
<message>
        <source>unbounded (no counter left for it)</source>
        <translation>sin límite (no queda ventanilla para ello)</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 minutos</translation>
    </message>
    <message>
        <source>Lunch cover, %1: %2 is on break until %4; the expected wait is %5</source>
        <translation>Cobertura del almuerzo, %1: %2 está en descanso hasta las %4; la espera prevista es de %5</translation>
    </message>
    <message>
        <source>Lunch cover, %1: %2 is on break until %4; too few counters are open for it</source>
        <translation>Cobertura del almuerzo, %1: %2 está en descanso hasta las %4; quedan muy pocas ventanillas abiertas</translation>
    </message>
    <message>
        <source>Lunch cover, %1: if %2 goes on break at %3, the expected wait rises to %5</source>
        <translation>Cobertura del almuerzo, %1: si %2 sale a descansar a las %3, la espera prevista sube a %5</translation>
    </message>
    <message>
        <source>Lunch cover, %1: if %2 goes on break at %3, too few counters stay open for it</source>
        <translation>Cobertura del almuerzo, %1: si %2 sale a descansar a las %3, quedan muy pocas ventanillas abiertas</translation>
    </message>
    <message numerus="yes">
        <source>(target %1 min; %n counter(s) open for it during the break, minimum %2).</source>
        <translation>
            <numerusform>(objetivo %1 min; %n ventanilla abierta para ello durante el descanso, mínimo %2).</numerusform>
            <numerusform>(objetivo %1 min; %n ventanillas abiertas para ello durante el descanso, mínimo %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep %n counter(s) open for %1 until %2.</source>
        <translation>
            <numerusform>Mantenga %n ventanilla abierta para %1 hasta las %2.</numerusform>
            <numerusform>Mantenga %n ventanillas abiertas para %1 hasta las %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Or move the break of %1 to %2.</source>
        <translation>O pase el descanso de %1 a las %2.</translation>
    </message>
    <message>
        <source>%1 idle for %2 min while %3 of its customers wait</source>
        <comment>a counter</comment>
        <translation>%1 libre desde hace %2 min con %3 de sus clientes esperando</translation>
    </message>
    <message>
        <source>%1 paused (%2) for %3 min, limit %4 min</source>
        <comment>a counter</comment>
        <translation>%1 en pausa (%2) desde hace %3 min, límite %4 min</translation>
    </message>
    <message>
        <source>Open %1 for %2 %3–%4.</source>
        <comment>a counter</comment>
        <translation>Abra %1 para %2 de %3 a %4.</translation>
    </message>
</context>
<context>
    <name>Appointments</name>
    <message>
        <location filename="../../ui/supervisor/appointments.py" line="+42" />
        <source>Booked</source>
        <comment>appointment status</comment>
        <translation>Reservada</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Arrived</source>
        <comment>appointment status</comment>
        <translation>Llegó</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancelled</source>
        <comment>appointment status</comment>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No-show</source>
        <comment>appointment status: the customer did not come</comment>
        <translation>No se presentó</translation>
    </message>
</context>
<context>
    <name>AppointmentsModel</name>
    <message>
        <location line="+15" />
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer number</source>
        <translation>Número de cliente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>AppointmentsPanel</name>
    <message>
        <location line="+81" />
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Book…</source>
        <translation>Reservar…</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+80" />
        <source>Cancel appointment</source>
        <translation>Cancelar la cita</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Not done: %1</source>
        <translation>No se hizo: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not done: the store could not be reached. Please try again.</source>
        <translation>No se hizo: no se pudo acceder a la base de datos. Inténtelo de nuevo.</translation>
    </message>
    <message numerus="yes">
        <location line="+23" />
        <source>%n appointment(s) still expected this day</source>
        <translation>
            <numerusform>%n cita pendiente este día</numerusform>
            <numerusform>%n citas pendientes este día</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31" />
        <source>Booked %1 at %2.</source>
        <translation>Cita reservada para %1 a las %2.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Cancel the appointment of %1 at %2?</source>
        <translation>¿Cancelar la cita de %1 a las %2?</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Cancelled the appointment of %1 at %2.</source>
        <translation>Se canceló la cita de %1 a las %2.</translation>
    </message>
    <message>
        <location line="-79" />
        <source>Mark no-shows</source>
        <translation>Marcar no presentadas</translation>
    </message>
    <message numerus="yes">
        <location line="+11" />
        <source>%n appointment(s) marked as no-show</source>
        <translation>
            <numerusform>%n cita marcada como no presentada</numerusform>
            <numerusform>%n citas marcadas como no presentadas</numerusform>
        </translation>
    </message>
    <message>
        <source>No appointments on this day</source>
        <translation>No hay citas este día</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../ui/supervisor/audit_panel.py" line="+34" />
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Staff</source>
        <translation>Empleado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Station</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <location line="+52" />
        <source>Staff id</source>
        <translation>Número de empleado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer number</source>
        <translation>Número de cliente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Action, e.g. profile_view</source>
        <translation>Acción, p. ej. profile_view</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Page %1 of %2, %3 entries</source>
        <translation>Página %1 de %2, %3 registros</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Export the audit log</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 entries written to %2</source>
        <translation>%1 registros escritos en %2</translation>
    </message>
<message>
        <source>No audit entries match this search</source>
        <translation>Ningún registro de auditoría coincide con esta búsqueda</translation>
    </message>
</context>
<context>
    <name>BookDialog</name>
    <message>
        <location filename="../../ui/supervisor/appointment_dialog.py" line="+77" />
        <source>Book an appointment</source>
        <translation>Reservar una cita</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Bank card</source>
        <translation>Tarjeta bancaria</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone number</source>
        <translation>Número de teléfono</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer number</source>
        <translation>Número de cliente</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No customer chosen yet</source>
        <translation>Aún no se ha elegido cliente</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Book</source>
        <translation>Reservar</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Looking up…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>No customer has this number.</source>
        <translation>Ningún cliente tiene este número.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>No customer found: %1</source>
        <translation>No se encontró el cliente: %1</translation>
    </message>
</context>
<context>
    <name>CallChosenDialog</name>
    <message>
        <location filename="../../ui/station/dialogs.py" line="+137" />
        <source>Call out of order</source>
        <translation>Llamar fuera de turno</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Call</source>
        <translation>Llamar</translation>
    </message>
    <message>
        <location line="+10" />
        <source>e.g. appointment arrived, customer needs a ground-floor counter</source>
        <translation>p. ej., llegó la cita, el cliente necesita una ventanilla en planta baja</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ticket</source>
        <translation>Turno</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reason (required)</source>
        <translation>Motivo (obligatorio)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Nobody is waiting.</source>
        <translation>No hay nadie esperando.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Calling out of order needs a reason.</source>
        <translation>Para llamar fuera de turno hace falta un motivo.</translation>
    </message>
</context>
<context>
    <name>CategoryTable</name>
    <message>
        <location filename="../../ui/supervisor/queue.py" line="+62" />
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Waiting</source>
        <translation>Esperando</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Longest wait</source>
        <translation>Espera más larga</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Over target</source>
        <translation>Sobre el objetivo</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Waiting by service</source>
        <translation>Espera por servicio</translation>
    </message>
    <message>
        <location line="+0" />
        <source>One row per service: waiting, longest wait, target</source>
        <translation>Una fila por servicio: en espera, espera más larga, objetivo</translation>
    </message>
    <message>
        <location line="+16" />
        <source>%1 min</source>
        <translation>%1 minutos</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <location filename="../../ui/common/strings.py" line="+20" />
        <source>Regular</source>
        <comment>priority class</comment>
        <translation>General</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VIP</source>
        <comment>priority class</comment>
        <translation>VIP</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Elderly / disabled / pregnant</source>
        <comment>priority class</comment>
        <translation>Mayores / personas con discapacidad / embarazadas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Appointment</source>
        <comment>priority class</comment>
        <translation>Cita previa</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waiting</source>
        <comment>ticket status</comment>
        <translation>En espera</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Called</source>
        <comment>ticket status</comment>
        <translation>Llamado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Serving</source>
        <comment>ticket status</comment>
        <translation>En atención</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Parked</source>
        <comment>ticket status: set aside, customer comes back later</comment>
        <translation>Apartado</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Done</source>
        <comment>ticket status</comment>
        <translation>Finalizado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No-show</source>
        <comment>ticket status: customer did not come when called</comment>
        <translation>No se presentó</translation>
    </message>
    <message>
        <source>Expired</source>
        <comment>ticket status: not served, its business day ended while it waited</comment>
        <translation>Caducado</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Open</source>
        <comment>counter state</comment>
        <translation>Abierta</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Paused</source>
        <comment>counter state</comment>
        <translation>En pausa</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed</source>
        <comment>counter state</comment>
        <translation>Cerrada</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lunch</source>
        <comment>pause reason</comment>
        <translation>Almuerzo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Break</source>
        <comment>pause reason: a short rest</comment>
        <translation>Descanso</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back office</source>
        <comment>pause reason: paperwork away from customers</comment>
        <translation>Tareas internas</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Other</source>
        <comment>pause reason</comment>
        <translation>Otro</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Online</source>
        <comment>connection to the branch server</comment>
        <translation>En línea</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Offline</source>
        <comment>connection to the branch server</comment>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This service category does not exist.</source>
        <comment>error</comment>
        <translation>Este tipo de servicio no existe.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This counter does not exist.</source>
        <comment>error</comment>
        <translation>Esta ventanilla no existe.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This ticket was not found.</source>
        <comment>error</comment>
        <translation>No se encontró este turno.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No customer is waiting for this counter.</source>
        <comment>error</comment>
        <translation>No hay clientes esperando para esta ventanilla.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The ticket or counter is not in a state that allows this action.</source>
        <comment>error</comment>
        <translation>El estado actual del turno o de la ventanilla no permite esta acción.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The counter is closed, paused or still serving another customer.</source>
        <comment>error</comment>
        <translation>La ventanilla está cerrada, en pausa o atendiendo a otro cliente.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This action is not allowed.</source>
        <comment>error</comment>
        <translation>Esta acción no está permitida.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Someone marked this resolved already; the list shows it at its next refresh.</source>
        <comment>error</comment>
        <translation>Otra persona ya lo marcó como resuelto; la lista lo mostrará en su próxima actualización.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Someone else moved this ticket meanwhile: look where it is now before you move it.</source>
        <comment>error</comment>
        <translation>Otra persona movió este turno mientras tanto: mire dónde está ahora antes de moverlo.</translation>
    </message>
    <message numerus="yes">
        <location line="+50" />
        <source>%n event(s) waiting to sync</source>
        <comment>offline journal not yet sent upstream</comment>
        <translation>
            <numerusform>%n registro pendiente de sincronizar</numerusform>
            <numerusform>%n registros pendientes de sincronizar</numerusform>
        </translation>
    </message>
    <message>
        <location line="-49" />
        <source>This text cannot be saved: it is empty, too long, or holds characters that are not allowed.</source>
        <comment>error</comment>
        <translation>Este texto no se puede guardar: está vacío, es demasiado largo o contiene caracteres no permitidos.</translation>
    </message>
<message>
        <source>This break cannot be set: choose an active teller, a day from today up to 60 days ahead, and a length of 5 to 180 minutes.</source>
        <comment>error</comment>
        <translation>No se puede fijar este descanso: elija un cajero en activo, un día entre hoy y dentro de 60 días, y una duración de 5 a 180 minutos.</translation>
    </message>
    <message>
        <source>Someone else moved or cancelled this break meanwhile: look at the day's plan as it is now.</source>
        <comment>error</comment>
        <translation>Otra persona movió o canceló este descanso mientras tanto: revise el plan del día tal como está ahora.</translation>
    </message>
    <message>
        <source>Nobody may approve or reject their own visits; another supervisor has to.</source>
        <comment>error</comment>
        <translation>Nadie puede aprobar ni rechazar sus propias atenciones; debe hacerlo otro supervisor.</translation>
    </message>
    <message>
        <source>This is not a phone number: type its digits, and + with the country code for a number from abroad.</source>
        <comment>error</comment>
        <translation>Esto no es un número de teléfono: escriba sus dígitos y, si es del extranjero, + y el código del país.</translation>
    </message>
    <message>
        <source>counter %1</source>
        <comment>a numbered counter in a sentence</comment>
        <translation>la ventanilla %1</translation>
    </message>
    <message>
        <source>Counter %1</source>
        <comment>a numbered counter on its own</comment>
        <translation>Ventanilla %1</translation>
    </message>
    <message>
        <source>Counter set up</source>
        <comment>event type</comment>
        <translation>Ventanilla configurada</translation>
    </message>
    <message>
        <source>Counter opened</source>
        <comment>event type</comment>
        <translation>Ventanilla abierta</translation>
    </message>
    <message>
        <source>Counter closed</source>
        <comment>event type</comment>
        <translation>Ventanilla cerrada</translation>
    </message>
    <message>
        <source>Counter paused</source>
        <comment>event type</comment>
        <translation>Ventanilla en pausa</translation>
    </message>
    <message>
        <source>Counter resumed</source>
        <comment>event type</comment>
        <translation>Ventanilla reanudada</translation>
    </message>
    <message>
        <source>Signed in at the counter</source>
        <comment>event type</comment>
        <translation>Inicio de sesión en la ventanilla</translation>
    </message>
    <message>
        <source>Signed out at the counter</source>
        <comment>event type</comment>
        <translation>Cierre de sesión en la ventanilla</translation>
    </message>
    <message>
        <source>Counter released by a supervisor</source>
        <comment>event type</comment>
        <translation>Ventanilla liberada por un supervisor</translation>
    </message>
    <message>
        <source>Ticket issued</source>
        <comment>event type</comment>
        <translation>Turno emitido</translation>
    </message>
    <message>
        <source>Ticket called</source>
        <comment>event type</comment>
        <translation>Turno llamado</translation>
    </message>
    <message>
        <source>Ticket recalled</source>
        <comment>event type</comment>
        <translation>Turno vuelto a llamar</translation>
    </message>
    <message>
        <source>Marked no-show</source>
        <comment>event type</comment>
        <translation>Marcado: no se presentó</translation>
    </message>
    <message>
        <source>Service started</source>
        <comment>event type</comment>
        <translation>Atención iniciada</translation>
    </message>
    <message>
        <source>Service finished</source>
        <comment>event type</comment>
        <translation>Atención finalizada</translation>
    </message>
    <message>
        <source>Ticket transferred</source>
        <comment>event type</comment>
        <translation>Turno derivado</translation>
    </message>
    <message>
        <source>Ticket parked</source>
        <comment>event type</comment>
        <translation>Turno apartado</translation>
    </message>
    <message>
        <source>Parked ticket returned</source>
        <comment>event type</comment>
        <translation>Turno apartado retomado</translation>
    </message>
    <message>
        <source>Customer identified</source>
        <comment>event type</comment>
        <translation>Cliente identificado</translation>
    </message>
    <message>
        <source>Ticket expired</source>
        <comment>event type</comment>
        <translation>Turno caducado</translation>
    </message>
    <message>
        <source>Visit rated</source>
        <comment>event type</comment>
        <translation>Visita valorada</translation>
    </message>
    <message>
        <source>Visit quality recorded</source>
        <comment>event type</comment>
        <translation>Calidad de la visita registrada</translation>
    </message>
    <message>
        <source>Visit corrected</source>
        <comment>event type</comment>
        <translation>Visita corregida</translation>
    </message>
    <message>
        <source>Short visit reviewed</source>
        <comment>event type</comment>
        <translation>Visita corta revisada</translation>
    </message>
    <message>
        <source>Break scheduled</source>
        <comment>event type</comment>
        <translation>Descanso programado</translation>
    </message>
    <message>
        <source>Break cancelled</source>
        <comment>event type</comment>
        <translation>Descanso cancelado</translation>
    </message>
    <message>
        <source>Voided: never saved on the branch server</source>
        <comment>event type</comment>
        <translation>Anulado: nunca se guardó en el servidor de la sucursal</translation>
    </message>
    <message>
        <source>Conflict marked resolved</source>
        <comment>event type</comment>
        <translation>Conflicto marcado como resuelto</translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>visit outcome</comment>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <comment>visit outcome</comment>
        <translation>Incompleta</translation>
    </message>
    <message>
        <source>Referred</source>
        <comment>visit outcome</comment>
        <translation>Derivada</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <location filename="../../ui/supervisor/sync.py" line="+23" />
        <source>Ticket</source>
        <translation>Turno</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Stations</source>
        <translation>Puestos</translation>
    </message>
    <message>
        <location line="+0" />
        <source>What clashed</source>
        <translation>Qué chocó</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Facts</source>
        <translation>Hechos</translation>
    </message>
<message>
        <location filename="../../ui/supervisor/sync.py" line="+23" />
        <source>Ticket, counter or break</source>
        <translation>Turno, ventanilla, descanso</translation>
    </message>
    </context>
<context>
    <name>CounterCard</name>
    <message>
        <location line="+6" />
        <source>%1 min</source>
        <translation>%1 minutos</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Teller: %1</source>
        <translation>Cajero: %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>No teller signed in</source>
        <translation>Ningún cajero conectado</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Profile…</source>
        <translation>Perfil…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Opens or closes this counter</source>
        <translation>Abre o cierra esta ventanilla</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Which services this counter takes, and in which order</source>
        <translation>Qué servicios atiende esta ventanilla y en qué orden</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Free</source>
        <translation>Libre</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Called %1 ago</source>
        <translation>Llamado hace %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Serving %1 of standard %2</source>
        <translation>Atendiendo %1 de un estándar de %2</translation>
    </message>
    <message>
        <source>Serving %1</source>
        <translation>Atendiendo %1</translation>
    </message>
</context>
<context>
    <name>CounterPanel</name>
    <message>
        <location filename="../../ui/station/counter_panel.py" line="+113" />
        <source>Waited</source>
        <translation>Espera</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service time</source>
        <translation>Tiempo de atención</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Recalls</source>
        <translation>Rellamadas</translation>
    </message>
    <message>
        <location line="+7" />
        <source>COUNTER %1</source>
        <translation>VENTANILLA %1</translation>
    </message>
    <message>
        <location line="+18" />
        <source>No customer at the counter</source>
        <translation>No hay cliente en la ventanilla</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Resume with F8 to call customers.</source>
        <translation>Reanude con F8 para llamar a los clientes.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Press F1 to call.</source>
        <translation>Pulse F1 para llamar.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Serving since %1</source>
        <translation>Atendiendo desde las %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Called at %1, waiting for the customer</source>
        <translation>Llamado a las %1, esperando al cliente</translation>
    </message>
<message>
        <location line="+10" />
        <source>Service time (standard %1)</source>
        <translation>Tiempo de servicio (estándar %1)</translation>
    </message>
</context>
<context>
    <name>CounterRelease</name>
    <message>
        <location filename="../../ui/station/release.py" line="+29" />
        <source>You are still signed in at another counter. Sign out there, or ask a supervisor to release it.</source>
        <translation>Sigue con la sesión abierta en otra ventanilla. Ciérrela allí o pida a un supervisor que la libere.</translation>
    </message>
    <message>
        <source>%1 (%2) still holds %3: signed in at %4 and never signed out. A supervisor can release it.</source>
        <translation>%1 (%2) sigue con la sesión abierta en %3: la inició a las %4 y no la cerró. Un supervisor puede liberar la ventanilla.</translation>
    </message>
</context>
<context>
    <name>DayChartsPanel</name>
    <message>
        <location filename="../../ui/supervisor/charts.py" line="+30" />
        <source>Customers waiting over the day</source>
        <translation>Clientes esperando durante el día</translation>
    </message>
    <message>
        <location line="+0" />
        <source>waiting</source>
        <translation>esperando</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+2" />
        <source>time of day</source>
        <translation>hora del día</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Waits of today's customers</source>
        <translation>Esperas de los clientes de hoy</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+1" />
        <source>customers</source>
        <translation>clientes</translation>
    </message>
    <message>
        <location line="-1" />
        <source>minutes waited</source>
        <translation>minutos de espera</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Arrivals and served per 15 minutes</source>
        <translation>Llegadas y atendidos cada 15 minutos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mean service time per teller</source>
        <translation>Tiempo medio de atención por cajero</translation>
    </message>
    <message>
        <location line="+0" />
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <location line="+7" />
        <source>shortest target %1 min</source>
        <translation>objetivo más corto %1 min</translation>
    </message>
    <message>
        <location line="+2" />
        <source>arrived</source>
        <translation>llegados</translation>
    </message>
    <message>
        <location line="+0" />
        <source>served</source>
        <translation>atendidos</translation>
    </message>
    <message>
        <location line="+4" />
        <source>mean</source>
        <translation>media</translation>
    </message>
    <message>
        <location line="+0" />
        <source>standard</source>
        <translation>estándar</translation>
    </message>
<message>
        <source>No customers yet today</source>
        <translation>Todavía no hay clientes hoy</translation>
    </message>
    <message>
        <source>No visit finished yet today</source>
        <translation>Todavía no ha terminado ninguna visita hoy</translation>
    </message>
    <message>
        <source>called</source>
        <translation>llamados</translation>
    </message>
    <message>
        <source>still waiting, so far</source>
        <translation>aún esperando, hasta ahora</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../../ui/display/window.py" line="+228" />
        <source>Counterline hall display</source>
        <translation>Pantalla de sala Counterline</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Now serving</source>
        <translation>Atendiendo ahora</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Latest calls</source>
        <translation>Últimas llamadas</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ticket</source>
        <translation>Número</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Counter</source>
        <translation>Ventanilla</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Connection to the branch server lost. Reconnecting…</source>
        <translation>Se perdió la conexión con el servidor de la sucursal. Reconectando…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Ticket %1, please go to counter %2</source>
        <translation>Número %1, pase a la ventanilla %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Ticket %1, please go to %2</source>
        <comment>a counter with a name, not a number</comment>
        <translation>Número %1, pase a %2</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Please wait to be called</source>
        <translation>Espere a ser llamado, por favor</translation>
    </message>
</context>
<context>
    <name>FeedbackWindow</name>
    <message>
        <location line="+1" />
        <source>How was your service today?</source>
        <translation>¿Cómo le hemos atendido hoy?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Very poor</source>
        <translation>Muy mal</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Poor</source>
        <translation>Mal</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Okay</source>
        <translation>Regular</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Good</source>
        <translation>Bien</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Excellent</source>
        <translation>Excelente</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Thank you!</source>
        <translation>¡Gracias!</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ticket %1</source>
        <translation>Turno %1</translation>
    </message>
    <message>
        <source>Your feedback – %1</source>
        <comment>a counter</comment>
        <translation>Su opinión – %1</translation>
    </message>
    <message>
        <source>Welcome to %1</source>
        <comment>a counter</comment>
        <translation>Bienvenido a %1</translation>
    </message>
</context>
<context>
    <name>FinishDialog</name>
    <message>
        <location filename="../../ui/station/finish_dialog.py" line="+73" />
        <source>Finish %1</source>
        <translation>Finalizar %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Search transaction types</source>
        <translation>Buscar tipos de operación</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Amount of the chosen line</source>
        <translation>Importe de la línea elegida</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Finish visit</source>
        <translation>Finalizar atención</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Transaction types (most used first)</source>
        <translation>Tipos de operación (los más usados primero)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Done in this visit</source>
        <translation>Realizado en esta visita</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Enter adds one · + / − change the quantity · Delete removes · Ctrl+Enter finishes</source>
        <translation>Intro añade una · + / − cambian la cantidad · Supr elimina · Ctrl+Intro finaliza</translation>
    </message>
    <message>
        <location line="+110" />
        <source>Choose at least one transaction type.</source>
        <translation>Elija al menos un tipo de operación.</translation>
    </message>
</context>
<context>
    <name>HallSoundBanner</name>
    <message>
        <location filename="../../ui/supervisor/hall_sound.py" line="+47" />
        <source>the chime is turned off in display.toml</source>
        <translation>el aviso sonoro está desactivado en display.toml</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the PC's audio libraries are missing</source>
        <translation>faltan las bibliotecas de audio del PC</translation>
    </message>
    <message>
        <location line="+1" />
        <source>no loudspeaker or audio output is connected</source>
        <translation>no hay altavoz ni salida de audio conectados</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the chime cannot be played on this audio output</source>
        <translation>el aviso sonoro no se puede reproducir en esta salida de audio</translation>
    </message>
    <message>
        <location line="+10" />
        <source>⚠ Hall display %1 has not reported since %2: its sound may be off</source>
        <translation>⚠ La pantalla de sala %1 no informa desde las %2: puede que no tenga sonido</translation>
    </message>
    <message>
        <location line="+3" />
        <source>⚠ Hall sound off at %1: %2. Calls are shown but not heard.</source>
        <translation>⚠ Sala sin sonido en %1: %2. Las llamadas se ven pero no se oyen.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Hall sound</source>
        <translation>Sonido de la sala</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The hall's sound is on</source>
        <translation>La sala tiene sonido</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <location filename="../../ui/station/help.py" line="+17" />
        <location line="+3" />
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location line="+17" />
        <source>In dialogs: arrows choose, Tab moves, Enter confirms, Escape cancels.</source>
        <translation>En los diálogos: las flechas eligen, Tab avanza, Intro confirma, Esc cancela.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>IdentifyDialog</name>
    <message>
        <location filename="../../ui/station/identify.py" line="+67" />
        <source>Identify the customer</source>
        <translation>Identificar al cliente</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Card number, ID number or phone</source>
        <translation>Número de tarjeta, de documento o teléfono</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Card number</source>
        <translation>Número de tarjeta</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ID number</source>
        <translation>Número de documento</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Find and link</source>
        <translation>Buscar y vincular</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Type the number first.</source>
        <translation>Escriba primero el número.</translation>
    </message>
</context>
<context>
    <name>IdentifyPage</name>
    <message>
        <location filename="../../ui/kiosk/identify.py" line="+103" />
        <source>Identify with your bank card or phone number</source>
        <translation>Identifíquese con su tarjeta bancaria o su número de teléfono</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bank card</source>
        <translation>Tarjeta bancaria</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+4" />
        <source>Phone number</source>
        <translation>Número de teléfono</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OK</source>
        <comment>confirm the number typed on the keypad</comment>
        <translation>Aceptar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Card number</source>
        <translation>Número de tarjeta</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Type the digits, then OK or Enter</source>
        <translation>Escriba los dígitos y pulse Aceptar o Intro</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Identify with a bank card number. Keypad key *</source>
        <translation>Identificarse con el número de tarjeta. Tecla * del teclado numérico</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Identify with a phone number. Keypad key *</source>
        <translation>Identificarse con el número de teléfono. Tecla * del teclado numérico</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back to the services. Keypad key -</source>
        <translation>Volver a los servicios. Tecla - del teclado numérico</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Look up the number typed</source>
        <translation>Buscar el número escrito</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keypad key</source>
        <translation>Tecla del teclado</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Looking you up…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>We could not find this number. You can still take a regular ticket.</source>
        <translation>No encontramos este número. Puede sacar un turno normal.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>This does not look like a card or phone number. Please try again.</source>
        <translation>Esto no parece un número de tarjeta o de teléfono. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Identification is not available now. You can still take a regular ticket.</source>
        <translation>La identificación no está disponible ahora. Puede sacar un turno normal.</translation>
    </message>
</context>
<context>
    <name>IssueTicketDialog</name>
    <message>
        <location filename="../../ui/station/ticket_dialog.py" line="+36" />
        <source>New ticket</source>
        <translation>Nuevo turno</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Card number, ID number or phone (optional)</source>
        <translation>Número de tarjeta, de documento o teléfono (opcional)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Issue ticket</source>
        <translation>Emitir turno</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Issue and call now (Ctrl+Enter)</source>
        <translation>Emitir y llamar ya (Ctrl+Intro)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/kiosk/window.py" line="+230" />
        <source>Counterline kiosk</source>
        <translation>Quiosco Counterline</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Please choose a service</source>
        <translation>Elija un servicio, por favor</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority service: elderly, disabled or pregnant</source>
        <translation>Atención prioritaria: mayores, personas con discapacidad o embarazadas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Your number</source>
        <translation>Su número</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Please take your ticket and wait to be called</source>
        <translation>Recoja su turno y espere a que le llamen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>I have a bank card or phone number</source>
        <translation>Tengo tarjeta bancaria o número de teléfono</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Check in for my appointment</source>
        <translation>Registrar mi llegada a la cita</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A+ Large text</source>
        <translation>A+ Letra grande</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Keypad: 1–9 choose a service · 0 priority · * language · . bank card or phone · + large text</source>
        <translation>Teclado: 1–9 servicio · 0 prioridad · * idioma · . tarjeta o teléfono · + letra grande</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/keypad.py" line="+23" />
        <source>Elderly, disabled and pregnant customers are called sooner. Keypad key 0</source>
        <translation>Se llama antes a personas mayores, con discapacidad o embarazadas. Tecla 0 del teclado numérico</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Type your bank card or phone number to be recognised. Keypad key .</source>
        <translation>Escriba su número de tarjeta o de teléfono para identificarse. Tecla . del teclado numérico</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Large text</source>
        <translation>Letra grande</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Larger type in white and yellow on black. Keypad key +</source>
        <translation>Letra más grande en blanco y amarillo sobre negro. Tecla + del teclado numérico</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Back to the first page for the next customer</source>
        <translation>Vuelve a la primera página para el siguiente cliente</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Shows the kiosk in this language. Keypad key *: next language</source>
        <translation>Muestra el dispensador en este idioma. Tecla * del teclado numérico: siguiente idioma</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk/window.py" line="+45" />
        <source>%n person(s) waiting</source>
        <comment>people in the queue</comment>
        <translation>
            <numerusform>%n persona esperando</numerusform>
            <numerusform>%n personas esperando</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>No counter is open at the moment. Please ask our staff.</source>
        <translation>No hay ninguna ventanilla abierta en este momento. Consulte a nuestro personal.</translation>
    </message>
    <message numerus="yes">
        <location line="+18" />
        <source>%n customer(s) ahead of you</source>
        <translation>
            <numerusform>%n cliente delante de usted</numerusform>
            <numerusform>%n clientes delante de usted</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>Waiting time will be shown once a counter opens</source>
        <translation>El tiempo de espera se mostrará cuando abra una ventanilla</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Estimated wait: about %n minute(s)</source>
        <translation>
            <numerusform>Espera estimada: alrededor de %n minuto</numerusform>
            <numerusform>Espera estimada: alrededor de %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>The ticket printer is out of order. Please remember your number: %1</source>
        <translation>La impresora de turnos no funciona. Recuerde su número: %1</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Please keep this ticket until you are called</source>
        <translation>Conserve este turno hasta que le llamen</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Welcome, %1 customer: you will be served with priority</source>
        <translation>Bienvenido, cliente %1: se le atenderá con prioridad</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Welcome! Please choose a service</source>
        <translation>¡Bienvenido! Elija un servicio</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Your appointment at %1 – %2</source>
        <translation>Su cita a las %1 – %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your appointment is at %1 – %2. Check-in opens at %3; you can also take a ticket now.</source>
        <translation>Su cita es a las %1 – %2. El registro de llegada se abre a las %3; también puede sacar un turno ahora.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your appointment at %1 – %2 has passed. Please take a ticket.</source>
        <translation>Su cita de las %1 – %2 ya pasó. Por favor, saque un turno.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Your appointment could not be checked in. Please take a ticket or ask our staff.</source>
        <translation>No se pudo registrar su cita. Saque un turno o consulte a nuestro personal.</translation>
    </message>
    <message>
        <source>Your appointment could not be checked in just now. Please try again or ask our staff.</source>
        <translation>No se pudo registrar su cita en este momento. Inténtelo de nuevo o consulte a nuestro personal.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Sorry, no ticket could be issued. Please ask our staff.</source>
        <translation>Lo sentimos, no se pudo emitir el turno. Consulte a nuestro personal.</translation>
    </message>
    <message>
        <source>The queue cannot be shown right now. Tickets may take a moment.</source>
        <translation>No se puede mostrar la cola en este momento. Los turnos pueden tardar un momento.</translation>
    </message>
<message>
        <location line="-69" />
        <source>Welcome, %1: you will be served with priority</source>
        <translation>Bienvenido/a, %1: se le atenderá con prioridad</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Welcome, %1! Please choose a service</source>
        <translation>¡Bienvenido/a, %1! Elija un servicio</translation>
    </message>
<message>
        <location line="+2" />
        <source>Keypad: 1–9 choose a service · 0 priority · * language · . bank card or phone · + large text · / spoken guide</source>
        <translation>Teclado: 1–9 servicio · 0 prioridad · * idioma · . tarjeta o teléfono · + letra grande · / guía por voz</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Issues your appointment ticket</source>
        <translation>Emite el turno de su cita</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk/window.py" line="+45" />
        <source>%n customer(s) ahead</source>
        <comment>on a service tile</comment>
        <translation>
            <numerusform>%n cliente delante</numerusform>
            <numerusform>%n clientes delante</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7" />
        <source>Takes a ticket for this service. Keypad key %1</source>
        <translation>Saca un turno para este servicio. Tecla %1 del teclado numérico</translation>
    </message>
    <message>
        <source>Spoken guide</source>
        <translation>Guía por voz</translation>
    </message>
    <message>
        <source>Reads each step aloud in this language. Keypad key /</source>
        <translation>Lee en voz alta cada paso en este idioma. Tecla / del teclado</translation>
    </message>
    <message>
        <source>No speech engine on this PC</source>
        <translation>Este equipo no tiene motor de voz</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../ui/station/signin.py" line="+146" />
        <source>Station locked</source>
        <translation>Puesto bloqueado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signed in: %1. Enter your PIN to continue.</source>
        <translation>Sesión de %1. Introduzca su PIN para continuar.</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Wrong PIN. Please try again.</source>
        <translation>PIN incorrecto. Inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>MoveTicketDialog</name>
    <message>
        <location line="+2" />
        <source>To another service</source>
        <translation>A otro servicio</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To one counter</source>
        <translation>A una ventanilla</translation>
    </message>
<message>
        <location filename="../../ui/supervisor/dialogs.py" line="+83" />
        <source>Move ticket %1</source>
        <translation>Mover el turno %1</translation>
    </message>
    </context>
<context>
    <name>OpenCounterDialog</name>
    <message>
        <location line="+3" />
        <source>No teller yet</source>
        <translation>Sin cajero por ahora</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Teller</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>Open %1</source>
        <comment>a counter</comment>
        <translation>Abrir %1</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../ui/station/dialogs.py" line="-88" />
        <source>Pause the counter</source>
        <translation>Pausar la ventanilla</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Why do you pause?</source>
        <translation>¿Por qué hace una pausa?</translation>
    </message>
</context>
<context>
    <name>PieceRatePanel</name>
    <message>
        <location filename="../../ui/reports/piece_rate_models.py" line="+150" />
        <source>Ticket</source>
        <translation>Turno</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Finished</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Counter</source>
        <translation>Ventanilla</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service min</source>
        <translation>Min. de atención</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Standard min</source>
        <translation>Min. estándar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rating</source>
        <translation>Valoración</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Complaints</source>
        <translation>Quejas</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Corrected</source>
        <translation>Correcciones</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../ui/reports/piece_rate_panel.py" line="+174" />
        <source>Branch</source>
        <translation>Sucursal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This month</source>
        <translation>Este mes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last month</source>
        <translation>Mes anterior</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export %1…</source>
        <translation>Exportar %1…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quality / correct…</source>
        <translation>Calidad / corregir…</translation>
    </message>
    <message>
        <location line="+82" />
        <source>Piece-rate report</source>
        <translation>Informe de destajo</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Choose a period and press Show.</source>
        <translation>Elija un periodo y pulse Mostrar.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1: %2 tellers, %3 visits, %4 standard units, %5 net units, pay %6 %7; %8 visits without a teller</source>
        <translation>%1: %2 cajeros, %3 visitas, %4 unidades estándar, %5 unidades netas, pago %6 %7; %8 visitas sin cajero</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Visits of %1</source>
        <translation>Visitas de %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <location line="+39" />
        <source>Export the report</source>
        <translation>Exportar el informe</translation>
    </message>
<message>
        <source>No visits in the chosen period</source>
        <translation>No hay visitas en el periodo elegido</translation>
    </message>
    <message>
        <source>Choose a teller above to see the visits</source>
        <translation>Elija un cajero arriba para ver sus visitas</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>El periodo termina antes de empezar.</translation>
    </message>
</context>
<context>
    <name>PieceRateReport</name>
    <message>
        <location filename="../../ui/reports/piece_rate_texts.py" line="+14" />
        <source>Rank</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Teller ID</source>
        <translation>ID de cajero</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Standard units</source>
        <translation>Unidades estándar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units per serving hour</source>
        <translation>Unidades por hora de atención</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service time / standard</source>
        <translation>Tiempo de atención / estándar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overrun share</source>
        <translation>Proporción fuera de plazo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Average rating</source>
        <translation>Valoración media</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ratings</source>
        <translation>Valoraciones</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Minor errors</source>
        <translation>Errores leves</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Major errors</source>
        <translation>Errores graves</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Complaints</source>
        <translation>Quejas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Corrected visits</source>
        <translation>Visitas corregidas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cross-sell accepted</source>
        <translation>Ventas cruzadas aceptadas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signed-in hours</source>
        <translation>Horas con sesión</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Serving hours</source>
        <translation>Horas atendiendo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Paused hours</source>
        <translation>Horas en pausa</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Idle hours</source>
        <translation>Horas libres</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quality bonus units</source>
        <translation>Unidades de bonificación por calidad</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deduction units</source>
        <translation>Unidades descontadas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cross-sell units</source>
        <translation>Unidades por venta cruzada</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Net units</source>
        <translation>Unidades netas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Target units</source>
        <translation>Unidades objetivo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attainment</source>
        <translation>Cumplimiento</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pay</source>
        <translation>Pago</translation>
    </message>
    <message>
        <location line="+1" />
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Transaction type</source>
        <translation>Tipo de operación</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Type name</source>
        <translation>Nombre del tipo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Items</source>
        <translation>Partidas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service hours</source>
        <translation>Horas de atención</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Standard hours</source>
        <translation>Horas estándar</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+24" />
        <source>Branch total</source>
        <translation>Total de la sucursal</translation>
    </message>
    <message>
        <location line="-20" />
        <source>Piece-rate report</source>
        <translation>Informe de destajo</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Units per teller</source>
        <translation>Unidades por cajero</translation>
    </message>
    <message>
        <location line="+1" />
        <source>units</source>
        <translation>unidades</translation>
    </message>
    <message>
        <location line="+1" />
        <source>standard</source>
        <translation>estándar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>net</source>
        <translation>netas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service times per teller</source>
        <translation>Tiempos de atención por cajero</translation>
    </message>
    <message>
        <location line="+1" />
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units by transaction type, whole branch</source>
        <translation>Unidades por tipo de operación, toda la sucursal</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Branch ID</source>
        <translation>ID de sucursal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Branch</source>
        <translation>Sucursal</translation>
    </message>
    <message>
        <location line="+2" />
        <source>All branches</source>
        <translation>Todas las sucursales</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pay scheme (the same for every branch)</source>
        <translation>Esquema de pago (el mismo para todas las sucursales)</translation>
    </message>
<message>
        <location line="-32" />
        <source>Tellers</source>
        <comment>XLSX sheet name</comment>
        <translation>Cajeros</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units by type</source>
        <comment>XLSX sheet name</comment>
        <translation>Unidades por tipo</translation>
    </message>
<message>
        <source>Short visits awaiting review</source>
        <translation>Atenciones cortas pendientes de revisión</translation>
    </message>
    <message>
        <source>Units withheld (short visits)</source>
        <translation>Unidades retenidas (atenciones cortas)</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location line="+4" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Services and precedence (1 = first, 4 = only when nothing better waits)</source>
        <translation>Servicios y precedencia (1 = primero, 4 = solo cuando no espera nada mejor)</translation>
    </message>
    <message>
        <source>Profile of %1</source>
        <comment>a counter</comment>
        <translation>Perfil de %1</translation>
    </message>
</context>
<context>
    <name>ProfilePanel</name>
    <message>
        <location filename="../../ui/station/profile_panel.py" line="+76" />
        <source>CUSTOMER</source>
        <translation>CLIENTE</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Accepted</source>
        <translation>Aceptó</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Interested</source>
        <translation>Interesado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Declined</source>
        <translation>Rechazó</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not offered</source>
        <translation>No ofrecido</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Current account</source>
        <translation>Cuenta corriente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time deposit</source>
        <translation>Depósito a plazo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Wealth product</source>
        <translation>Producto de inversión</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fund</source>
        <translation>Fondo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Insurance</source>
        <translation>Seguro</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Loan</source>
        <translation>Préstamo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Credit card</source>
        <translation>Tarjeta de crédito</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mobile banking</source>
        <translation>Banca móvil</translation>
    </message>
    <message>
        <location line="+8" />
        <source>No customer identified. Press Ctrl+I to look up a card, ID number or phone.</source>
        <translation>Cliente sin identificar. Pulse Ctrl+I para buscar por tarjeta, documento o teléfono.</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Customer no.</source>
        <translation>N.º de cliente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ID number</source>
        <translation>Número de documento</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cards</source>
        <translation>Tarjetas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assets</source>
        <translation>Patrimonio</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Birthday this week</source>
        <translation>Cumpleaños esta semana</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open complaint</source>
        <translation>Reclamación abierta</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No marketing (opted out)</source>
        <translation>Sin publicidad (se dio de baja)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Maturing soon: %1</source>
        <translation>Vence pronto: %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>SUGGESTIONS</source>
        <translation>SUGERENCIAS</translation>
    </message>
<message>
        <location line="-23" />
        <source>NOTES AND FOLLOW-UPS</source>
        <translation>NOTAS Y SEGUIMIENTOS</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Due %1, %2</source>
        <translation>Vence %1, %2</translation>
    </message>
    <message>
        <source>under 18</source>
        <comment>age band</comment>
        <translation>menor de 18</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>No-show</source>
        <translation type="obsolete">No se presentó</translation>
    </message>
</context>
<context>
    <name>QualityDialog</name>
    <message>
        <location filename="../../ui/supervisor/quality_dialog.py" line="+184" />
        <source>Visit %1</source>
        <translation>Visita %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Ticket %1 at %2, served by %3; finished %4 after %5 min; rating %6.
Transactions: %7</source>
        <translation>Turno %1 en %2, atendido por %3; terminado %4 tras %5 min; valoración %6.
Operaciones: %7</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Record quality</source>
        <translation>Registrar calidad</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Correct the record</source>
        <translation>Corregir el registro</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Minor error</source>
        <translation>Error leve</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Major error</source>
        <translation>Error grave</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Complaint</source>
        <translation>Queja</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Transaction</source>
        <translation>Operación</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add line</source>
        <translation>Añadir línea</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove line</source>
        <translation>Quitar línea</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+30" />
        <source>Transactions</source>
        <translation>Operaciones</translation>
    </message>
    <message>
        <location line="-29" />
        <location line="+29" />
        <source>Teller</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <location line="-28" />
        <location line="+29" />
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="-28" />
        <location line="+28" />
        <source>Withdraw marks</source>
        <translation>Retirar marcas</translation>
    </message>
    <message>
        <location line="-27" />
        <source>Reason (required)</source>
        <translation>Motivo (obligatorio)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1: %2 by %3 %4</source>
        <translation>%1: %2 por %3 %4</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1: corrected by %2 (%3): %4</source>
        <translation>%1: corregido por %2 (%3): %4</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No quality marks or corrections yet.</source>
        <translation>Aún no hay marcas de calidad ni correcciones.</translation>
    </message>
</context>
<context>
    <name>QuarantineModel</name>
    <message>
        <location filename="../../ui/supervisor/sync.py" line="+14" />
        <source>Station</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sequence</source>
        <translation>Secuencia</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Refused because</source>
        <translation>Motivo del rechazo</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/station/queue_panel.py" line="+57" />
        <source>Ticket</source>
        <translation>Turno</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Waited</source>
        <translation>Espera</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Estimate</source>
        <translation>Estimación</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location line="+95" />
        <source>Nobody is waiting for this counter.</source>
        <translation>Nadie espera en esta ventanilla.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Queue for this counter</source>
        <translation>Cola de esta ventanilla</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Up and down choose a ticket; Enter calls it out of order</source>
        <translation>Arriba y abajo eligen un turno; Intro lo llama fuera de orden</translation>
    </message>
    <message>
        <location line="+7" />
        <source>QUEUE FOR THIS COUNTER</source>
        <translation>COLA DE ESTA VENTANILLA</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n ticket(s) waiting</source>
        <translation>
            <numerusform>%n en espera</numerusform>
            <numerusform>%n en espera</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <location line="+4" />
        <location line="+3" />
        <source>Supervisor's staff ID</source>
        <translation>ID de empleado del supervisor</translation>
    </message>
    <message>
        <location line="-2" />
        <location line="+3" />
        <source>Supervisor's PIN</source>
        <translation>PIN del supervisor</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The teller who held the counter is signed out of it. Their finished visits are kept.</source>
        <translation>El cajero que la ocupaba sale de la ventanilla. Sus atenciones terminadas se conservan.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Release</source>
        <translation>Liberar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Release %1</source>
        <comment>a counter</comment>
        <translation>Liberar %1</translation>
    </message>
</context>
<context>
    <name>RestoredNotice</name>
    <message>
        <source>⚠ The branch store was restored from a backup (noticed at %1): this screen now shows what it holds. Tickets and visits recorded after that backup are missing from it; check the queue in the hall.</source>
        <translation>⚠ El almacén de la sucursal se restauró desde una copia de seguridad (detectado a las %1): esta pantalla muestra ahora lo que contiene. Faltan los turnos y las visitas registrados después de esa copia; compruebe la cola en la sala.</translation>
    </message>
    <message>
        <source>Branch store restored</source>
        <translation>Almacén de la sucursal restaurado</translation>
    </message>
</context>
<context>
    <name>ReturnParkedDialog</name>
    <message>
        <location filename="../../ui/station/dialogs.py" line="+87" />
        <source>Return a parked ticket</source>
        <translation>Retomar un turno apartado</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Return</source>
        <translation>Retomar</translation>
    </message>
</context>
<context>
    <name>ServiceReport</name>
    <message>
        <location filename="../../ui/reports/service_report_texts.py" line="+14" />
        <source>Branch ID</source>
        <translation>ID de sucursal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Branch</source>
        <translation>Sucursal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Category name</source>
        <translation>Nombre de la categoría</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tickets issued</source>
        <translation>Turnos emitidos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Served</source>
        <translation>Atendidos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No-shows</source>
        <translation>No presentados</translation>
    </message>
    <message>
        <source>Expired (day ended)</source>
        <comment>tickets not served: their business day ended while they waited</comment>
        <translation>Caducados (fin del día)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mean wait (min)</source>
        <translation>Espera media (min)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>90th percentile wait (min)</source>
        <translation>Espera percentil 90 (min)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Target wait (min)</source>
        <translation>Espera objetivo (min)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Served within target</source>
        <translation>Atendidos dentro del objetivo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mean service time (min)</source>
        <translation>Tiempo medio de atención (min)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Branch total</source>
        <translation>Total de la sucursal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All branches</source>
        <translation>Todas las sucursales</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Service report</source>
        <translation>Informe de servicio</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Tickets by the local date they were issued in each branch; waits from issue to first call, of served tickets; service level: served within the category's target wait.</source>
        <translation>Turnos por la fecha local de emisión en cada sucursal; esperas desde la emisión hasta la primera llamada, de los turnos atendidos; nivel de servicio: atendidos dentro de la espera objetivo de la categoría.</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../../ui/supervisor/settings.py" line="+56" />
        <source>Service categories</source>
        <translation>Categorías de servicio</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Transaction types</source>
        <translation>Tipos de operación</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cross-sell rules</source>
        <translation>Reglas de venta cruzada</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alert thresholds</source>
        <translation>Umbrales de alerta</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Staffing target and plan</source>
        <translation>Objetivo y plan de personal</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+3" />
        <source>Check</source>
        <translation>Comprobar</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Settings file</source>
        <translation>Archivo de ajustes</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Which settings file to show and edit</source>
        <translation>Qué archivo de ajustes mostrar y editar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Settings text</source>
        <translation>Texto de los ajustes</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The chosen settings file, in TOML, to edit</source>
        <translation>El archivo de ajustes elegido, en TOML, para editar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Checks the edited settings without saving them</source>
        <translation>Comprueba los ajustes editados sin guardarlos</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Checks the settings and saves them for the whole branch</source>
        <translation>Comprueba los ajustes y los guarda para toda la sucursal</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Not valid: %1</source>
        <translation>No válido: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The file is valid.</source>
        <translation>El archivo es válido.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Saved. Stations use the new file when they next start.</source>
        <translation>Guardado. Los puestos usarán el archivo nuevo la próxima vez que se inicien.</translation>
    </message>
    <message>
        <source>The service category %1 is still in use (open tickets: %2; counters that serve it: %3). Finish or move its tickets and take it off those counters first, or keep the category.</source>
        <translation>La categoría de servicio %1 sigue en uso (turnos abiertos: %2; ventanillas que la atienden: %3). Termine o traslade primero sus turnos y quítela de esas ventanillas, o conserve la categoría.</translation>
    </message>
    <message>
        <source>Appointments are booked in it (number and day): %1. Cancel them first.</source>
        <translation>Tiene citas reservadas (número y día): %1. Cancélelas primero.</translation>
    </message>
    <message>
        <source>This file was saved from another screen since you opened it. Copy your changes, choose the file again to see what was saved, and make them there.</source>
        <translation>Este archivo se guardó desde otra pantalla después de que usted lo abriera. Copie sus cambios, elija de nuevo el archivo para ver lo guardado y hágalos allí.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../ui/station/signin.py" line="-84" />
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Teller station</source>
        <translation>Puesto de cajero</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+4" />
        <source>Staff ID</source>
        <translation>ID de empleado</translation>
    </message>
    <message>
        <location line="-4" />
        <location line="+5" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="-5" />
        <location line="+6" />
        <source>Counter</source>
        <translation>Ventanilla</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Sign in and open the counter</source>
        <translation>Iniciar sesión y abrir la ventanilla</translation>
    </message>
    <message>
        <location line="+8" />
        <source>A supervisor signs out the teller who still holds this counter</source>
        <translation>Un supervisor cierra la sesión del cajero que aún ocupa esta ventanilla</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Supervisor: release this counter</source>
        <translation>Supervisor: liberar esta ventanilla</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Demo mode. Staff ID / PIN: %1</source>
        <translation>Modo de demostración. ID de empleado / PIN: %1</translation>
    </message>
</context>
<context>
    <name>StaffingPanel</name>
    <message>
        <location filename="../../ui/supervisor/staffing.py" line="+49" />
        <source>Compute again</source>
        <translation>Calcular de nuevo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Computes the staffing advice again from the history</source>
        <translation>Vuelve a calcular la recomendación de personal con el historial</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Staffing advice</source>
        <translation>Recomendación de personal</translation>
    </message>
    <message>
        <location line="+0" />
        <source>One row per hour: arrivals, service time, advice</source>
        <translation>Una fila por hora: llegadas, tiempo de atención, recomendación</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Hour</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Arrivals / h</source>
        <translation>Llegadas / h</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service (min)</source>
        <translation>Atención (min)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Erlang C</source>
        <translation>Fórmula Erlang C</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Simulated level</source>
        <translation>Nivel simulado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Advised</source>
        <translation>Recomendado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Planned</source>
        <translation>Previsto</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Counters needed to serve the target share of customers within the target wait, from the last four weeks of arrivals on this weekday, computed with Erlang C and checked by simulating the branch.</source>
        <translation>Ventanillas necesarias para atender a la proporción objetivo de clientes dentro de la espera objetivo, a partir de las llegadas de las últimas cuatro semanas en este día, calculadas con Erlang C y comprobadas simulando la sucursal.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Counters per hour</source>
        <translation>Ventanillas por hora</translation>
    </message>
    <message>
        <location line="+0" />
        <source>counters</source>
        <translation>ventanillas</translation>
    </message>
    <message>
        <location line="+0" />
        <source>hour</source>
        <translation>hora</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Computing the staffing advice…</source>
        <translation>Calculando la recomendación de personal…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Staffing advice for %1 (target: %2 within the target wait)</source>
        <translation>Recomendación de personal para el %1 (objetivo: %2 dentro de la espera objetivo)</translation>
    </message>
    <message>
        <location line="+24" />
        <source>advised</source>
        <translation>recomendado</translation>
    </message>
    <message>
        <location line="+0" />
        <source>planned</source>
        <translation>previsto</translation>
    </message>
<message>
        <source>No history yet: the advice needs arrivals on this weekday in the past weeks. It appears once the branch has served customers on this weekday.</source>
        <translation>Todavía no hay historial: la recomendación necesita las llegadas de este día de la semana en las últimas semanas. Aparecerá cuando la sucursal haya atendido clientes en este día de la semana.</translation>
    </message>
</context>
<context>
    <name>StationActions</name>
    <message>
        <location filename="../../ui/station/actions.py" line="+73" />
        <source>Call next</source>
        <translation>Llamar al siguiente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Recall</source>
        <translation>Volver a llamar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start service</source>
        <translation>Iniciar atención</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Finish…</source>
        <translation>Finalizar…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Transfer…</source>
        <translation>Derivar…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Park</source>
        <translation>Apartar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Pause…</source>
        <translation>Pausar…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Return parked…</source>
        <translation>Retomar apartado…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Call out of order…</source>
        <translation>Llamar fuera de turno…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Identify customer…</source>
        <translation>Identificar cliente…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New ticket…</source>
        <translation>Nuevo turno…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lock screen</source>
        <translation>Bloquear pantalla</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close counter and sign out</source>
        <translation>Cerrar ventanilla y salir</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next language</source>
        <translation>Siguiente idioma</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
<message>
        <location line="-10" />
        <source>Note on the customer…</source>
        <translation>Nota sobre el cliente…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Follow-up for the customer…</source>
        <translation>Seguimiento del cliente…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suggestion accepted</source>
        <translation>Sugerencia: aceptó</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suggestion: customer interested</source>
        <translation>Sugerencia: cliente interesado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suggestion declined</source>
        <translation>Sugerencia: rechazó</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suggestion not offered</source>
        <translation>Sugerencia: no ofrecida</translation>
    </message>
</context>
<context>
    <name>StationCommands</name>
    <message>
        <location filename="../../ui/station/command_runner.py" line="+189" />
        <source>Customer profiles are not available on this station.</source>
        <translation>Los perfiles de cliente no están disponibles en este puesto.</translation>
    </message>
    <message numerus="yes">
        <location line="+62" />
        <source>%n customer(s) ahead</source>
        <translation>
            <numerusform>%n cliente por delante</numerusform>
            <numerusform>%n clientes por delante</numerusform>
        </translation>
    </message>
    <message>
        <source>Ticket %1 was issued but not printed: give the customer the number shown.</source>
        <translation>El turno %1 se emitió pero no se imprimió: indique al cliente el número que aparece en pantalla.</translation>
    </message>
</context>
<context>
    <name>StationDialogs</name>
    <message>
        <location filename="../../ui/station/dialogs.py" line="-128" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>StationErrors</name>
    <message>
        <location filename="../../ui/station/errors.py" line="+15" />
        <source>Unknown staff ID or wrong PIN.</source>
        <translation>ID de empleado desconocido o PIN incorrecto.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Another teller is signed in at this counter, or you are signed in at another one.</source>
        <translation>Otro cajero ha iniciado sesión en esta ventanilla, o usted ya la tiene iniciada en otra.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Your role may not do this.</source>
        <translation>Su rol no permite hacer esto.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Your account was deactivated or given another role or PIN, so you were signed out. Ask your supervisor.</source>
        <translation>Su cuenta de empleado se desactivó o cambió de rol o de PIN, por lo que se cerró su sesión. Consulte a su supervisor.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This customer was not found.</source>
        <translation>No se encontró a este cliente.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>You can open the profile and record answers to suggestions only for the customer you are serving.</source>
        <translation>Solo puede abrir el perfil y registrar las respuestas a las sugerencias del cliente que está atendiendo.</translation>
    </message>
    <message>
        <source>This suggestion was not made for this customer in this visit, so no answer to it is recorded.</source>
        <translation>Esta sugerencia no se hizo a este cliente en esta visita, así que no se registra ninguna respuesta.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Customer look-up needs the branch server, which cannot be reached now. The queue keeps working offline.</source>
        <translation>La búsqueda de clientes necesita el servidor de la sucursal, que ahora no responde. La cola sigue funcionando sin conexión.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>A configuration file was refused, so this cannot be done; tell the administrator: %1</source>
        <translation>Se rechazó un archivo de configuración, así que no se puede hacer; avise al administrador: %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The branch database cannot be reached. Nothing was changed; try again.</source>
        <translation>No se puede acceder a la base de datos de la sucursal. No se cambió nada; inténtelo de nuevo.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unexpected error, nothing was changed: %1</source>
        <translation>Error inesperado, no se cambió nada: %1</translation>
    </message>
    <message>
        <location line="-54" />
        <source>This station's copy of the staff accounts was altered. Sign in when the branch server answers.</source>
        <translation>La copia de las cuentas del personal en este puesto fue alterada. Inicie sesión cuando responda el servidor de la sucursal.</translation>
    </message>
    <message>
        <source>This station was not given the branch's staff-signing.pub, so it cannot check PINs offline. Sign in when the branch server answers, and ask the administrator to copy the file to this PC.</source>
        <translation>Esta estación no tiene el archivo staff-signing.pub de la sucursal, así que no puede comprobar el PIN sin conexión. Inicie sesión cuando responda el servidor de la sucursal y pida al administrador que copie el archivo en este equipo.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The link to the branch server dropped while it was saving this. Do not repeat it yet: the station checks whether it was saved as soon as the link is back, and nothing is lost or done twice.</source>
        <translation>Se cortó la conexión con el servidor de la sucursal mientras se guardaba esto. No lo repita todavía: el puesto comprobará si se guardó en cuanto vuelva la conexión; nada se pierde ni se hace dos veces.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>This station's file was restored from a backup. It works again as soon as it has synced with the branch server, which gives back what the backup lacks.</source>
        <translation>El archivo de este puesto se restauró desde una copia de seguridad. Volverá a funcionar en cuanto se sincronice con el servidor de la sucursal, que le devuelve lo que falta en la copia.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Another PC now syncs as this station. This PC keeps its records but no longer syncs: ask the administrator for a station id of its own.</source>
        <translation>Otro PC se sincroniza ahora como este puesto. Este PC conserva sus registros pero ya no se sincroniza: pida al administrador un identificador de puesto propio.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Too many wrong PINs: the account is locked until a supervisor unlocks it.</source>
        <translation>Demasiados PIN incorrectos: la cuenta queda bloqueada hasta que un supervisor la desbloquee.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: the account is locked until an administrator unlocks it.</source>
        <translation>Demasiados PIN incorrectos: la cuenta queda bloqueada hasta que un administrador la desbloquee.</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>Too many wrong PINs: try again in %n minute(s).</source>
        <translation>
            <numerusform>Demasiados PIN incorrectos: inténtelo de nuevo dentro de %n minuto.</numerusform>
            <numerusform>Demasiados PIN incorrectos: inténtelo de nuevo dentro de %n minutos.</numerusform>
        </translation>
    </message>
    <message>
        <source>The branch database cannot be reached: the screen shows what it last read and updates when the database answers again.</source>
        <translation>No se puede acceder a la base de datos de la sucursal: la pantalla muestra lo último que leyó y se actualizará cuando la base de datos vuelva a responder.</translation>
    </message>
    <message>
        <source>The screen could not be updated: %1</source>
        <translation>No se pudo actualizar la pantalla: %1</translation>
    </message>
    <message>
        <source>The branch server has no suggestion rules yet, so no answer is recorded. Ask the supervisor to open the supervisor screen, which gives the server the branch's rules.</source>
        <translation>El servidor de la sucursal aún no tiene reglas de sugerencias, así que no se registra ninguna respuesta. Pida al supervisor que abra la pantalla del supervisor, que entrega al servidor las reglas de la sucursal.</translation>
    </message>
</context>
<context>
    <name>StationStatusBar</name>
    <message>
        <location filename="../../ui/station/status_bar.py" line="+34" />
        <source>Teller: %1</source>
        <translation>Cajero: %1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>This PC's clock is %1 s off the branch server's</source>
        <translation>El reloj de este PC difiere %1 s del servidor de la sucursal</translation>
    </message>
    <message>
        <source>Branch database unreachable</source>
        <translation>Sin acceso a la base de datos de la sucursal</translation>
    </message>
</context>
<context>
    <name>StationWindow</name>
    <message>
        <location filename="../../ui/station/window.py" line="+134" />
        <source>Counterline · Teller station</source>
        <translation>Counterline · Puesto de cajero</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Station</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <location line="+104" />
        <source>Counter released. You can sign in now.</source>
        <translation>Ventanilla liberada. Ya puede iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>SupervisorSignIn</name>
    <message>
        <location filename="../../ui/supervisor/signin.py" line="+21" />
        <source>Supervisor sign-in</source>
        <translation>Acceso de supervisor</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Staff id</source>
        <translation>Número de empleado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Unknown staff id or wrong PIN.</source>
        <translation>Número de empleado desconocido o PIN incorrecto.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Only supervisors and administrators may use this screen.</source>
        <translation>Solo supervisores y administradores pueden usar esta pantalla.</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../ui/supervisor/window.py" line="+202" />
        <source>Counterline supervisor</source>
        <translation>Supervisor Counterline</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Served within target today</source>
        <translation>Atendidos hoy dentro del objetivo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Customers served today</source>
        <translation>Clientes atendidos hoy</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waiting now</source>
        <translation>Esperando ahora</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+3" />
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Counters</source>
        <translation>Ventanillas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waiting per service</source>
        <translation>Espera por servicio</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Waiting customers</source>
        <translation>Clientes en espera</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Live</source>
        <translation>En vivo</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Today's charts</source>
        <translation>Gráficos de hoy</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Staffing</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Piece-rate</source>
        <translation>Destajo</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <location line="+55" />
        <source>The branch store does not answer; retrying…</source>
        <translation>El almacén de la sucursal no responde; reintentando…</translation>
    </message>
    <message>
        <location line="+51" />
        <source>The action failed: %1</source>
        <translation>La acción falló: %1</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Counter opened.</source>
        <translation>Ventanilla abierta.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Counter closed.</source>
        <translation>Ventanilla cerrada.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Counter profile changed.</source>
        <translation>Perfil de la ventanilla cambiado.</translation>
    </message>
    <message>
        <location line="-146" />
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
<message>
        <location line="+15" />
        <source>Ticket moved.</source>
        <translation>Turno movido.</translation>
    </message>
    </context>
<context>
    <name>SyncIssuesPanel</name>
    <message>
        <location filename="../../ui/supervisor/sync.py" line="+42" />
        <source>Open conflicts</source>
        <translation>Conflictos abiertos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Events the branch server refused</source>
        <translation>Eventos rechazados por el servidor de la sucursal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mark resolved…</source>
        <translation>Marcar como resuelto…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mark the selected conflict resolved</source>
        <translation>Marcar como resuelto el conflicto seleccionado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refresh the sync issues</source>
        <translation>Actualizar los problemas de sincronización</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Station %1: clock %2 s off the branch server's (measured %3); its times are corrected</source>
        <translation>Puesto %1: su reloj difiere %2 s del servidor de la sucursal (medido a las %3); sus horas se corrigen</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1 open conflict(s), %2 refused event(s)</source>
        <translation>%1 conflicto(s) abierto(s), %2 evento(s) rechazado(s)</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Mark resolved</source>
        <translation>Marcar como resuelto</translation>
    </message>
    <message>
        <location line="+0" />
        <source>What was done for the customer?</source>
        <translation>¿Qué se hizo por el cliente?</translation>
    </message>
<message>
        <source>No open conflicts</source>
        <translation>No hay conflictos abiertos</translation>
    </message>
    <message>
        <source>No refused events</source>
        <translation>No hay eventos rechazados</translation>
    </message>
</context>
<context>
    <name>TicketIssuedDialog</name>
    <message>
        <location filename="../../ui/station/ticket_dialog.py" line="+31" />
        <source>Your ticket</source>
        <translation>Su turno</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/station/dialogs.py" line="+53" />
        <source>Transfer %1</source>
        <translation>Derivar %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Transfer</source>
        <translation>Derivar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Same service</source>
        <translation>Mismo servicio</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Any counter</source>
        <translation>Cualquier ventanilla</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keep the customer's place in the queue</source>
        <translation>Mantener el lugar del cliente en la cola</translation>
    </message>
    <message>
        <location line="+3" />
        <source>To service</source>
        <translation>Al servicio</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To counter</source>
        <translation>A la ventanilla</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Choose another service or a counter.</source>
        <translation>Elija otro servicio o una ventanilla.</translation>
    </message>
</context>
<context>
    <name>WaitingList</name>
    <message>
        <location line="+0" />
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Waited</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Move ticket…</source>
        <translation>Mover turno…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waiting tickets</source>
        <translation>Turnos en espera</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Every waiting ticket, longest wait first</source>
        <translation>Todos los turnos en espera, primero el que más espera</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Move ticket</source>
        <translation>Mover turno</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Moves the selected ticket to another service or counter</source>
        <translation>Pasa el turno elegido a otro servicio o ventanilla</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Select a ticket to move it to another service or counter</source>
        <translation>Seleccione un turno para moverlo a otro servicio o ventanilla</translation>
    </message>
<message>
        <location filename="../../ui/supervisor/queue.py" line="+32" />
        <source>Ticket</source>
        <translation>Turno</translation>
    </message>
    </context>
<context>
    <name>CallList</name>
    <message>
        <location filename="../../ui/supervisor/call_list_dialogs.py" line="+15" />
        <source>Reached</source>
        <comment>call result</comment>
        <translation>Contactado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No answer</source>
        <comment>call result</comment>
        <translation>No contesta</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Appointment booked</source>
        <comment>call result</comment>
        <translation>Cita reservada</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Declined</source>
        <comment>call result</comment>
        <translation>Rechazó</translation>
    </message>
</context>
<context>
    <name>CallListModel</name>
    <message>
        <location filename="../../ui/supervisor/call_list_panel.py" line="+78" />
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer number</source>
        <translation>Número de cliente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Marketing</source>
        <translation>Publicidad</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last call</source>
        <translation>Última llamada</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Appointment reminder: %1</source>
        <translation>Recordatorio de cita: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Deposit matures in %n day(s)</source>
        <translation>
            <numerusform>El depósito vence en %n día</numerusform>
            <numerusform>El depósito vence en %n días</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0" />
        <source>Matures today</source>
        <translation>Vence hoy</translation>
    </message>
    <message>
        <location line="+1" />
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location line="+0" />
        <source>opted out</source>
        <translation>no desea publicidad</translation>
    </message>
</context>
<context>
    <name>CallListPanel</name>
    <message>
        <location line="+84" />
        <source>Call list</source>
        <translation>Lista de llamadas</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Deposits maturing within</source>
        <translation>Depósitos que vencen en</translation>
    </message>
    <message>
        <location line="+1" />
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show phone number…</source>
        <translation>Ver el teléfono…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Call result:</source>
        <translation>Resultado de la llamada:</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Not done: %1</source>
        <translation>No se hizo: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Not done: the store could not be reached. Please try again.</source>
        <translation>No se hizo: no se pudo acceder a la base de datos. Inténtelo de nuevo.</translation>
    </message>
    <message numerus="yes">
        <location line="+23" />
        <source>%n deposit(s) to call about</source>
        <translation>
            <numerusform>%n depósito por llamar</numerusform>
            <numerusform>%n depósitos por llamar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n appointment reminder(s) for tomorrow</source>
        <translation>
            <numerusform>%n recordatorio de cita para mañana</numerusform>
            <numerusform>%n recordatorios de cita para mañana</numerusform>
        </translation>
    </message>
    <message>
        <location line="+37" />
        <source>Phone number shown; the view is in the audit log.</source>
        <translation>Teléfono mostrado; la consulta queda en el registro de auditoría.</translation>
    </message>
    <message>
        <location line="+44" />
        <source>Booked %1 at %2; call recorded.</source>
        <translation>Cita de %1 el %2; llamada registrada.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Call recorded: %1</source>
        <translation>Llamada registrada: %1</translation>
    </message>
<message>
        <source>No deposits mature in this time</source>
        <translation>Ningún depósito vence en este plazo</translation>
    </message>
    <message>
        <source>Only the %1 largest are listed: shorten the window to see the others.</source>
        <translation>Solo se listan los %1 mayores: acorte el plazo para ver los demás.</translation>
    </message>
</context>
<context>
    <name>CrossSellReport</name>
    <message>
        <location filename="../../ui/reports/crosssell_texts.py" line="+11" />
        <source>Cross-sell conversion</source>
        <translation>Conversión de venta cruzada</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Grouped by</source>
        <translation>Agrupado por</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Key</source>
        <comment>the rule, teller, tier or week a line is about</comment>
        <translation>Elemento</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Offered</source>
        <comment>prompts put to the customer</comment>
        <translation>Ofrecidas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Interested</source>
        <translation>Con interés</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accepted</source>
        <translation>Aceptadas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Declined</source>
        <translation>Rechazadas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Referred</source>
        <comment>handed to a relationship manager</comment>
        <translation>Derivadas al gestor</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not offered</source>
        <translation>No ofrecidas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Conversion</source>
        <comment>accepted out of offered</comment>
        <translation>Conversión</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Total</source>
        <translation>Total general</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rule</source>
        <comment>a cross-sell rule</comment>
        <translation>Regla</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Teller</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tier</source>
        <comment>customer tier by assets</comment>
        <translation>Nivel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Week</source>
        <translation>Semana</translation>
    </message>
</context>
<context>
    <name>FollowUpsModel</name>
    <message>
        <location filename="../../ui/supervisor/follow_ups_panel.py" line="+53" />
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <location line="+1" />
        <source>When</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer number</source>
        <translation>Número de cliente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n día de retraso</numerusform>
            <numerusform>%n días de retraso</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>in %n day(s)</source>
        <translation>
            <numerusform>en %n día</numerusform>
            <numerusform>en %n días</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpsPanel</name>
    <message>
        <location line="+101" />
        <source>Follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due within</source>
        <translation>Vencen en</translation>
    </message>
    <message>
        <location line="+1" />
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <location line="+1" />
        <source>today and overdue</source>
        <translation>hoy y vencidos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mark done…</source>
        <translation>Marcar como hecho…</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+9" />
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message numerus="yes">
        <location line="+17" />
        <source>%n follow-up(s) listed</source>
        <translation>
            <numerusform>%n seguimiento</numerusform>
            <numerusform>%n seguimientos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>overdue: %1</source>
        <translation>vencidos: %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Not done: %1</source>
        <translation>No se hizo: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Not done: the store could not be reached. Please try again.</source>
        <translation>No se hizo: no se pudo acceder a la base de datos. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Follow-up marked done.</source>
        <translation>Seguimiento marcado como hecho.</translation>
    </message>
<message>
        <source>No follow-ups due in this time</source>
        <translation>No hay seguimientos pendientes en este plazo</translation>
    </message>
    <message>
        <source>Only the %1 most overdue of %2 are listed: choose fewer days or one owner to see the others.</source>
        <translation>Solo se listan los %1 más vencidos de %2: elija menos días o un responsable para ver los demás.</translation>
    </message>
</context>
<context>
    <name>MarketingPanel</name>
    <message>
        <location filename="../../ui/reports/marketing_panel.py" line="+121" />
        <source>Marketing</source>
        <translation>Venta cruzada</translation>
    </message>
    <message>
        <location line="+4" />
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+1" />
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The period ends before it starts.</source>
        <translation>El periodo termina antes de empezar.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Not done: %1</source>
        <translation>No se hizo: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Not done: the store could not be reached. Please try again.</source>
        <translation>No se hizo: no se pudo acceder a la base de datos. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Prompts offered and accepted by %1</source>
        <translation>Sugerencias ofrecidas y aceptadas por %1</translation>
    </message>
    <message>
        <location line="+13" />
        <source>%1 offered, %2 interested, %3 accepted, %4 declined; conversion %5</source>
        <translation>%1 ofrecidas, %2 con interés, %3 aceptadas, %4 rechazadas; conversión %5</translation>
    </message>
<message>
        <source>No cross-sell prompts in the chosen period</source>
        <translation>No hay sugerencias de venta cruzada en el periodo elegido</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../ui/station/note_dialog.py" line="+48" />
        <source>Follow-up for %1</source>
        <translation>Seguimiento de %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Note on %1</source>
        <translation>Nota sobre %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+6" />
        <source>What the customer wants, and what to do next</source>
        <translation>Qué quiere el cliente y qué hacer a continuación</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Note for colleagues</source>
        <translation>Nota para los compañeros</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Due on</source>
        <translation>Vence el</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Please write the note.</source>
        <translation>Escriba la nota, por favor.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>At most %1 characters, please.</source>
        <translation>Como máximo %1 caracteres, por favor.</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <location filename="../../ui/supervisor/follow_ups_panel.py" line="-142" />
        <source>Follow-up done</source>
        <translation>Seguimiento hecho</translation>
    </message>
    <message>
        <location line="+9" />
        <source>What came of it, e.g. renewed for 12 months</source>
        <translation>Resultado, p. ej.: renovado a 12 meses</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Mark done</source>
        <translation>Marcar como hecho</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Please say in a few words what came of it.</source>
        <translation>Indique en pocas palabras el resultado.</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../../ui/supervisor/call_list_dialogs.py" line="+12" />
        <source>Show phone number</source>
        <translation>Ver el teléfono</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Why do you need the full number of %1? It is written to the audit log.</source>
        <translation>¿Por qué necesita el número completo de %1? Queda en el registro de auditoría.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Maturity call</source>
        <translation>Llamada por vencimiento</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Show</source>
        <translation>Ver</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Please give a reason of at least %1 characters.</source>
        <translation>Indique un motivo de al menos %1 caracteres.</translation>
    </message>
</context>
<context>
    <name>AddStaffDialog</name>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="+94" />
        <source>Add staff account</source>
        <translation>Añadir cuenta de empleado</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Staff ID</source>
        <translation>ID de empleado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tellers: 4 to 12 digits. Supervisors and administrators: 6 to 12.</source>
        <translation>Cajeros: de 4 a 12 dígitos. Supervisores y administradores: de 6 a 12.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
</context>
<context>
    <name>AdminDialogs</name>
    <message>
        <location line="-71" />
        <source>Teller</source>
        <comment>staff role</comment>
        <translation>Cajero</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supervisor</source>
        <comment>staff role</comment>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrator</source>
        <comment>staff role</comment>
        <translation>Administrador</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The two PINs differ.</source>
        <translation>Los dos PIN no coinciden.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+26" />
        <source>PIN again</source>
        <translation>Repita el PIN</translation>
    </message>
</context>
<context>
    <name>AdminErrors</name>
    <message>
        <location filename="../../ui/admin/errors.py" line="+14" />
        <source>The staff ID</source>
        <translation>El ID de empleado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The name</source>
        <translation>El nombre</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The counter ID</source>
        <translation>El ID de ventanilla</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The counter name</source>
        <translation>El nombre de la ventanilla</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1 was refused: use 1 to %2 characters, without control or direction characters.</source>
        <translation>%1 no se aceptó: use de 1 a %2 caracteres, sin caracteres de control ni de dirección.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Not changed: this role's PIN must be %1 to %2 digits.</source>
        <translation>Sin cambios: el PIN de este rol debe tener de %1 a %2 dígitos.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Not changed: the new role needs a PIN of at least %1 digits. Enter a new PIN with it.</source>
        <translation>Sin cambios: el nuevo rol necesita un PIN de al menos %1 dígitos. Indique un PIN nuevo junto con él.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Not changed: the branch must keep at least one active administrator.</source>
        <translation>Sin cambios: la sucursal debe conservar al menos un administrador activo.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This staff account does not exist.</source>
        <translation>Esta cuenta de empleado no existe.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Not changed: your account may not do this any more. Sign in again.</source>
        <translation>Sin cambios: su cuenta ya no puede hacer esto. Inicie sesión de nuevo.</translation>
    </message>
</context>
<context>
    <name>AdminSignIn</name>
    <message>
        <location filename="../../ui/admin/signin.py" line="+21" />
        <source>Administrator sign-in</source>
        <translation>Acceso de administrador</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Staff ID</source>
        <translation>ID de empleado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Unknown staff ID or wrong PIN.</source>
        <translation>ID de empleado desconocido o PIN incorrecto.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Only administrators may use the Administration screen.</source>
        <translation>Solo los administradores pueden usar la pantalla de Administración.</translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <location filename="../../ui/admin/window.py" line="+66" />
        <source>Counterline administration · %1</source>
        <translation>Administración de Counterline · %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administration · %1</source>
        <translation>Administración · %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Signed in as %1, %2</source>
        <translation>Sesión iniciada por %1, %2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
</context>
<context>
    <name>CounterDialog</name>
    <message>
        <location line="+0" />
        <source>New counter</source>
        <translation>Nueva ventanilla</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Counter ID</source>
        <translation>ID de ventanilla</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Services and precedence (1 = first, 4 = only when nothing better waits)</source>
        <translation>Servicios y precedencia (1 = primero, 4 = solo cuando no espera nada mejor)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Precedence of %1</source>
        <translation>Precedencia de %1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Choose at least one service for the counter.</source>
        <translation>Elija al menos un servicio para la ventanilla.</translation>
    </message>
</context>
<context>
    <name>CountersModel</name>
    <message>
        <location filename="../../ui/admin/counters_tab.py" line="+46" />
        <source>Counter ID</source>
        <translation>ID de ventanilla</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1" />
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Services (precedence)</source>
        <translation>Servicios (precedencia)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Transaction types</source>
        <translation>Tipos de operación</translation>
    </message>
</context>
<context>
    <name>CountersPanel</name>
    <message>
        <location line="+67" />
        <location line="+7" />
        <source>Counters</source>
        <translation>Ventanillas</translation>
    </message>
    <message>
        <location line="-4" />
        <source>Add counter…</source>
        <translation>Añadir ventanilla…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Change services…</source>
        <translation>Cambiar servicios…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Adds a counter with the services it takes</source>
        <translation>Añade una ventanilla con los servicios que atiende</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Changes the chosen counter's name and services</source>
        <translation>Cambia el nombre y los servicios de la ventanilla elegida</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The branch's counters and the services each takes</source>
        <translation>Las ventanillas de la sucursal y los servicios de cada una</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A counter's transaction types are those of the services it takes; edit them under Settings.</source>
        <translation>Los tipos de operación de una ventanilla son los de sus servicios; edítelos en Ajustes.</translation>
    </message>
    <message>
        <location line="+48" />
        <source>Counter %1 exists already: choose it in the list to change it.</source>
        <translation>La ventanilla %1 ya existe: elíjala en la lista para cambiarla.</translation>
    </message>
    <message>
        <source>%1 saved.</source>
        <comment>a counter</comment>
        <translation>%1: cambios guardados.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="-71" />
        <source>Reset PIN of %1</source>
        <translation>Restablecer el PIN de %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New PIN</source>
        <translation>PIN nuevo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reset PIN</source>
        <translation>Restablecer PIN</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="+15" />
        <source>Change role of %1</source>
        <translation>Cambiar el rol de %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>New role</source>
        <translation>Rol nuevo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New PIN</source>
        <translation>PIN nuevo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A new PIN is needed only when the new role needs a longer one.</source>
        <translation>Solo hace falta un PIN nuevo si el nuevo rol exige uno más largo.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Change role</source>
        <translation>Cambiar rol</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <location filename="../../ui/admin/staff_tab.py" line="+50" />
        <source>Staff ID</source>
        <translation>ID de empleado</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+8" />
        <source>Locked</source>
        <translation>Bloqueada</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+0" />
        <source>No, deactivated</source>
        <translation>No, desactivada</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <location line="+59" />
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Adds a staff account with its role and PIN</source>
        <translation>Añade una cuenta de empleado con su rol y PIN</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+47" />
        <source>Deactivate</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <location line="-47" />
        <source>A leaver: the account can no longer sign in</source>
        <translation>Baja de personal: la cuenta ya no puede iniciar sesión</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reactivate</source>
        <translation>Reactivar</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Lets a deactivated account sign in again</source>
        <translation>Permite que una cuenta desactivada vuelva a iniciar sesión</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reset PIN…</source>
        <translation>Restablecer PIN…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Gives the account a new PIN and lifts its lock</source>
        <translation>Da a la cuenta un PIN nuevo y la desbloquea</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Change role…</source>
        <translation>Cambiar rol…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Makes the account a teller, supervisor or administrator</source>
        <translation>Convierte la cuenta en cajero, supervisor o administrador</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Lifts the lock after too many wrong PINs</source>
        <translation>Quita el bloqueo por demasiados PIN incorrectos</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Staff accounts</source>
        <translation>Cuentas de empleado</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The branch's staff accounts; choose one to change</source>
        <translation>Las cuentas de empleado de la sucursal; elija una para cambiarla</translation>
    </message>
    <message>
        <location line="+54" />
        <source>Deactivate %1? The account can no longer sign in.</source>
        <translation>¿Desactivar a %1? La cuenta ya no podrá iniciar sesión.</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Staff ID %1 exists already: choose it in the list to change it.</source>
        <translation>El ID de empleado %1 ya existe: elíjalo en la lista para cambiarlo.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Account %1 added.</source>
        <translation>Cuenta %1 añadida.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Account %1 deactivated.</source>
        <translation>Cuenta %1 desactivada.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Account %1 reactivated.</source>
        <translation>Cuenta %1 reactivada.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>New PIN set for %1.</source>
        <translation>PIN nuevo establecido para %1.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Role of %1 changed.</source>
        <translation>Rol de %1 cambiado.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Account %1 unlocked.</source>
        <translation>Cuenta %1 desbloqueada.</translation>
    </message>
</context>
<context>
    <name>BreakDialog</name>
    <message>
        <source>Set a break</source>
        <translation>Fijar un descanso</translation>
    </message>
    <message>
        <source> min</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>This replaces the teller's break from the rota on that day.</source>
        <translation>Sustituye el descanso del cajero según el cuadrante de ese día.</translation>
    </message>
    <message>
        <source>Set break</source>
        <translation>Fijar descanso</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>BreaksModel</name>
    <message>
        <source>Teller</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>Fijado por</translation>
    </message>
    <message>
        <source>Rota (staffing.toml)</source>
        <translation>Cuadrante (staffing.toml)</translation>
    </message>
</context>
<context>
    <name>BreaksPanel</name>
    <message>
        <source>Breaks on</source>
        <translation>Descansos del día</translation>
    </message>
    <message>
        <source>Set or move a break…</source>
        <translation>Fijar o mover un descanso…</translation>
    </message>
    <message>
        <source>Cancel break</source>
        <translation>Anular descanso</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>No se hizo: %1</translation>
    </message>
    <message>
        <source>Not done: the store could not be reached. Please try again.</source>
        <translation>No se hizo: no se pudo acceder a la base de datos. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Break set.</source>
        <translation>Descanso fijado.</translation>
    </message>
    <message>
        <source>Break cancelled.</source>
        <translation>Descanso anulado.</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Approve short visit</source>
        <translation>Aprobar atención corta</translation>
    </message>
    <message>
        <source>Reject short visit</source>
        <translation>Rechazar atención corta</translation>
    </message>
    <message>
        <source>Ticket %1: served in %2 s, minimum %3 s, %4 unit(s).</source>
        <translation>Turno %1: atendido en %2 s, mínimo %3 s, %4 unidad(es).</translation>
    </message>
    <message>
        <source>Why, e.g. the customer had the form filled in</source>
        <translation>Motivo, p. ej. el cliente traía el formulario relleno</translation>
    </message>
    <message>
        <source>Approve: pay the units</source>
        <translation>Aprobar: pagar las unidades</translation>
    </message>
    <message>
        <source>Reject: no units</source>
        <translation>Rechazar: sin unidades</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Please say why the visit is not paid.</source>
        <translation>Indique por qué no se paga esta atención.</translation>
    </message>
</context>
<context>
    <name>PayStatement</name>
    <message>
        <source>Piece-rate pay statement</source>
        <translation>Liquidación de pago a destajo</translation>
    </message>
    <message>
        <source>Teller %1 · ID %2</source>
        <translation>Cajero %1 · ID %2</translation>
    </message>
    <message>
        <source>Units by transaction type</source>
        <translation>Unidades por tipo de operación</translation>
    </message>
    <message>
        <source>Transaction type</source>
        <translation>Tipo de operación</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Units each</source>
        <translation>Unidades por operación</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>No paid transactions in the period</source>
        <translation>Sin operaciones pagadas en el período</translation>
    </message>
    <message>
        <source>Pay breakdown</source>
        <translation>Desglose del pago</translation>
    </message>
    <message>
        <source>Standard units (count × units, above)</source>
        <translation>Unidades estándar (cantidad × unidades, arriba)</translation>
    </message>
    <message>
        <source>of which approved short visits: %1</source>
        <translation>de ellas, atenciones cortas aprobadas: %1</translation>
    </message>
    <message>
        <source>Short visits not paid (awaiting review or rejected): %1</source>
        <translation>Atenciones cortas no pagadas (pendientes o rechazadas): %1</translation>
    </message>
    <message>
        <source>Quality bonus</source>
        <translation>Bonificación por calidad</translation>
    </message>
    <message>
        <source>Quality deductions (%1 minor, %2 major errors, %3 complaints)</source>
        <translation>Deducciones por calidad (%1 errores leves, %2 graves, %3 reclamaciones)</translation>
    </message>
    <message>
        <source>Cross-sell credit (%1 accepted)</source>
        <translation>Crédito por venta cruzada (%1 aceptadas)</translation>
    </message>
    <message>
        <source>Net units</source>
        <translation>Unidades netas</translation>
    </message>
    <message>
        <source>Target units for the period</source>
        <translation>Unidades objetivo del período</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>Cumplimiento</translation>
    </message>
    <message>
        <source>Piece-rate pay</source>
        <translation>Pago a destajo</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor/a</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
</context>
<context>
    <name>ShortVisitsModel</name>
    <message>
        <source>Finished</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Turno</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Operaciones</translation>
    </message>
    <message>
        <source>Service (s)</source>
        <translation>Atención (s)</translation>
    </message>
    <message>
        <source>Minimum (s)</source>
        <translation>Mínimo (s)</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Decidido por</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>Pendiente de revisión</translation>
    </message>
    <message>
        <source>Approved: paid</source>
        <translation>Aprobada: se paga</translation>
    </message>
    <message>
        <source>Rejected: not paid</source>
        <translation>Rechazada: no se paga</translation>
    </message>
</context>
<context>
    <name>ShortVisitsPanel</name>
    <message>
        <source>Short visits</source>
        <translation>Atenciones cortas</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Aprobar…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Rechazar…</translation>
    </message>
    <message>
        <source>Visits finished faster than the minimum service time of their transactions earn no units until a supervisor approves them. Nobody reviews their own visits.</source>
        <translation>Las atenciones terminadas en menos tiempo que el mínimo de sus operaciones no suman unidades hasta que un supervisor las aprueba. Nadie revisa sus propias atenciones.</translation>
    </message>
    <message numerus="yes">
        <source>%n short visit(s) listed</source>
        <translation>
            <numerusform>%n atención corta en la lista</numerusform>
            <numerusform>%n atenciones cortas en la lista</numerusform>
        </translation>
    </message>
    <message>
        <source>awaiting review: %1</source>
        <translation>pendientes de revisión: %1</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>No se hizo: %1</translation>
    </message>
    <message>
        <source>Not done: the store could not be reached. Please try again.</source>
        <translation>No se hizo: no se pudo acceder a la base de datos. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Ticket %1 approved: its units are paid.</source>
        <translation>Turno %1 aprobado: se pagan sus unidades.</translation>
    </message>
    <message>
        <source>Ticket %1 rejected: no units.</source>
        <translation>Turno %1 rechazado: sin unidades.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>El periodo termina antes de empezar.</translation>
    </message>
</context>
<context>
    <name>KioskGuide</name>
    <message>
        <source>Key %1: %2</source>
        <translation>Tecla %1: %2</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>This service does not exist.</source>
        <translation>Este servicio no existe.</translation>
    </message>
    <message>
        <source>This service does not take appointments.</source>
        <translation>Este servicio no admite citas.</translation>
    </message>
    <message>
        <source>An appointment lasts 1 to %1 minutes.</source>
        <translation>Una cita dura de 1 a %1 minutos.</translation>
    </message>
    <message>
        <source>Appointments start every %1 minutes: choose a time on that grid.</source>
        <translation>Las citas empiezan cada %1 minutos: elija una hora de esa cuadrícula.</translation>
    </message>
    <message>
        <source>%1 is in the past.</source>
        <translation>%1 ya pasó.</translation>
    </message>
    <message>
        <source>Appointments can be booked up to %1 days ahead (the last bookable day is %2).</source>
        <translation>Las citas se pueden reservar con hasta %1 días de antelación (el último día es el %2).</translation>
    </message>
    <message>
        <source>The branch is closed on %1.</source>
        <translation>La sucursal está cerrada el %1.</translation>
    </message>
    <message>
        <source>%1 does not exist on the branch's clock: the clocks go forward then.</source>
        <translation>%1 no existe en el reloj de la sucursal: a esa hora se adelantan los relojes.</translation>
    </message>
    <message>
        <source>%1 to %2 is outside the opening hours (%3 to %4).</source>
        <translation>De %1 a %2 está fuera del horario de atención (de %3 a %4).</translation>
    </message>
    <message>
        <source>%1 is fully booked for this service.</source>
        <translation>%1 ya está completo para este servicio.</translation>
    </message>
    <message>
        <source>No counter serves this service, so it cannot be booked.</source>
        <translation>Ninguna ventanilla atiende este servicio, así que no se puede reservar.</translation>
    </message>
    <message>
        <source>This customer already has an appointment at %1.</source>
        <translation>Este cliente ya tiene una cita el %1.</translation>
    </message>
    <message>
        <source>This appointment can be checked in from %1 to %2 only.</source>
        <translation>Solo se puede registrar la llegada de esta cita de %1 a %2.</translation>
    </message>
    <message>
        <source>The note was refused: it is too long or holds characters that are not allowed.</source>
        <translation>La nota fue rechazada: es demasiado larga o contiene caracteres no permitidos.</translation>
    </message>
    <message>
        <source>This appointment is no longer booked: it was checked in, cancelled or missed.</source>
        <translation>Esta cita ya no está reservada: se registró su llegada, se canceló o no se presentó.</translation>
    </message>
    <message>
        <source>The next action date is in the past.</source>
        <translation>La fecha de la próxima acción ya pasó.</translation>
    </message>
    <message>
        <source>A follow-up with an owner needs a next action date.</source>
        <translation>Un seguimiento con responsable necesita la fecha de la próxima acción.</translation>
    </message>
    <message>
        <source>The number of days cannot be negative.</source>
        <translation>El número de días no puede ser negativo.</translation>
    </message>
    <message>
        <source>Choose 0 to %1 days.</source>
        <translation>Elija de 0 a %1 días.</translation>
    </message>
    <message>
        <source>Write a result of at least %1 characters.</source>
        <translation>Escriba un resultado de al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>This note plans no action, so there is nothing to mark done.</source>
        <translation>Esta nota no prevé ninguna acción: no hay nada que marcar como hecho.</translation>
    </message>
    <message>
        <source>This follow-up is already done.</source>
        <translation>Este seguimiento ya está hecho.</translation>
    </message>
    <message>
        <source>The owner must be an active staff member of this branch.</source>
        <translation>El responsable debe ser un empleado activo de esta sucursal.</translation>
    </message>
    <message>
        <source>This deposit is not this customer's.</source>
        <translation>Este depósito no es de este cliente.</translation>
    </message>
    <message>
        <source>This appointment was not found.</source>
        <translation>No se encontró esta cita.</translation>
    </message>
    <message>
        <source>This follow-up was not found.</source>
        <translation>No se encontró este seguimiento.</translation>
    </message>
    <message>
        <source>The next free time is %1.</source>
        <translation>La próxima hora libre es el %1.</translation>
    </message>
    <message>
        <source>No time is free within %1 days.</source>
        <translation>No hay horas libres en los próximos %1 días.</translation>
    </message>
</context>
<context>
    <name>SupervisorFailures</name>
    <message>
        <location filename="../../ui/supervisor/failures.py" line="+24" />
        <source>Unexpected error (%1); it was logged.</source>
        <translation>Error inesperado (%1); quedó registrado.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The branch server cannot be reached. Nothing was changed; the screen tries again.</source>
        <translation>No se puede conectar con el servidor de la sucursal. No se cambió nada; la pantalla lo vuelve a intentar.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The branch server did not answer. The action may have been saved: check the screen after its next refresh before you repeat it.</source>
        <translation>El servidor de la sucursal no respondió. Puede que la acción se haya guardado: revise la pantalla tras su próxima actualización antes de repetirla.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The branch database refused the action. Nothing was changed.</source>
        <translation>La base de datos de la sucursal rechazó la acción. No se cambió nada.</translation>
    </message>
    <message>
        <location line="-10" />
        <source>The branch database cannot be read: %1. Nothing was changed.</source>
        <translation>No se puede leer la base de datos de la sucursal: %1. No se cambió nada.</translation>
    </message>
</context>
<context>
    <name>ConflictText</name>
    <message>
        <source>Called at %1 while the ticket was at %3 (%2)</source>
        <translation>Llamado en %1 cuando el turno ya estaba en %3 (%2)</translation>
    </message>
    <message>
        <source>Called at %1 while the ticket was no longer waiting (%2)</source>
        <translation>Llamado en %1 cuando el turno ya no esperaba (%2)</translation>
    </message>
    <message>
        <source>%1 at %2 after the ticket was closed (%3)</source>
        <translation>%1 en %2 cuando el turno ya estaba cerrado (%3)</translation>
    </message>
    <message>
        <source>%1 after the ticket was closed (%2)</source>
        <translation>%1 cuando el turno ya estaba cerrado (%2)</translation>
    </message>
    <message>
        <source>%1 at %2 while the ticket is held by %3</source>
        <translation>%1 en %2 mientras el turno lo tiene %3</translation>
    </message>
    <message>
        <source>Called at %1 while %2 was still at that counter: the called ticket kept waiting</source>
        <translation>Llamado en %1 cuando %2 seguía en esa ventanilla: el turno llamado siguió esperando</translation>
    </message>
    <message>
        <source>%1 at %2 while the ticket was at no counter (%3)</source>
        <translation>%1 en %2 cuando el turno no estaba en ninguna ventanilla (%3)</translation>
    </message>
    <message>
        <source>Moved by a supervisor while the ticket was no longer waiting (%1)</source>
        <translation>Un supervisor movió el turno cuando ya no esperaba (%1)</translation>
    </message>
    <message>
        <source>Issued again as %1; the first number, %2, stands</source>
        <translation>Emitido de nuevo como %1; vale el primer número, %2</translation>
    </message>
    <message>
        <source>Number %1 issued twice</source>
        <translation>Número %1 emitido dos veces</translation>
    </message>
    <message>
        <source>%1 for a ticket not issued here</source>
        <translation>%1 de un turno no emitido aquí</translation>
    </message>
    <message>
        <source>Teller %1 signed in at %2 on station %3 at %4 while teller %5 was signed in there on station %6 since %7</source>
        <translation>El cajero %1 inició sesión en %2 desde el puesto %3 a las %4 mientras el cajero %5 tenía allí la sesión abierta (puesto %6, desde las %7)</translation>
    </message>
    <message>
        <source>Teller %1 signed in at %2 on station %3 at %4 while already signed in at %5 on station %6 since %7</source>
        <translation>El cajero %1 inició sesión en %2 desde el puesto %3 a las %4 cuando ya tenía la sesión abierta en %5 (puesto %6, desde las %7)</translation>
    </message>
    <message>
        <source>%1 cancelled this break on station %2 at %3, after %4 had moved or cancelled it on station %5 at %6: the first change stands and this one did nothing</source>
        <translation>%1 canceló este descanso en la estación %2 a las %3, después de que %4 lo moviera o cancelara en la estación %5 a las %6: vale el primer cambio y esta cancelación no tuvo efecto</translation>
    </message>
    <message>
        <source>%1 moved this break on station %2 at %3, after %4 had moved or cancelled it on station %5 at %6: the first change stands and this move did nothing</source>
        <translation>%1 movió este descanso en la estación %2 a las %3, después de que %4 lo moviera o cancelara en la estación %5 a las %6: vale el primer cambio y este movimiento no tuvo efecto</translation>
    </message>
    <message>
        <source>Break of %1</source>
        <translation>Descanso de %1</translation>
    </message>
    <message>
        <source>Break %1</source>
        <translation>Descanso %1</translation>
    </message>
    <message>
        <source>Flagged as a conflict; compare the facts</source>
        <translation>Marcado como conflicto; compare los hechos</translation>
    </message>
</context>
<context>
    <name>RefusalText</name>
    <message>
        <source>A text in it holds a character the branch server cannot store</source>
        <translation>Un texto contiene un carácter que el servidor de la sucursal no puede guardar</translation>
    </message>
    <message>
        <source>A text in it is longer than the branch server allows</source>
        <translation>Un texto supera la longitud que admite el servidor de la sucursal</translation>
    </message>
    <message>
        <source>A value in it is one the branch server cannot take</source>
        <translation>Contiene un valor que el servidor de la sucursal no admite</translation>
    </message>
    <message>
        <source>It breaks a rule of the branch server's data (a value used twice, or one missing)</source>
        <translation>Incumple una regla de los datos del servidor de la sucursal (un valor usado dos veces o uno que falta)</translation>
    </message>
    <message>
        <source>The branch server refused it</source>
        <translation>Rechazado por el servidor de la sucursal</translation>
    </message>
</context>
</TS>